namespace Forums.Api.Domain;

/// <summary>
/// A room is named by people typing: "Hall A", "hall a", "Hall  A" and "Hall\u00a0A" are one room. The name is kept
/// as written but tidied (<see cref="NameKey.Tidy"/>); rooms are compared by their key (<see cref="NameKey.Of"/>).
/// </summary>
public static class RoomName
{
    public const int MaxLength = 100;
    /// <summary>The key can be longer than the name: compatibility forms expand (U+FDFA is 18 letters).</summary>
    public const int MaxKeyLength = 200;
}
