namespace Forums.Api.Domain;

/// <summary>A limit on places (a forum's capacity, a delegation's quota), where null means none.</summary>
public static class PlaceLimit
{
    /// <summary>Whether changing the limit makes room for someone waiting: only a limit raised, or lifted.</summary>
    public static bool AddsRoom(int? before, int? after) => before is not null && (after is null || after > before);
}
