using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

internal static class SessionRoomKeys
{
    /// <summary>
    /// Brings every session's room key to <see cref="NameKey.Of"/>: keys written by the migration's SQL (which can only
    /// lower-case) or by an older key function. A programme has hundreds of sessions, not millions: one read at start-up.
    /// </summary>
    public static async Task RefreshAsync(ForumsDbContext db, CancellationToken ct)
    {
        var rooms = await db.Sessions.AsNoTracking().Where(s => s.Room != null)
            .Select(s => new { s.Id, s.Room, s.RoomKey }).ToListAsync(ct);
        foreach (var room in rooms)
            if (NameKey.Of(room.Room) is var key && key != room.RoomKey)
                await db.Sessions.Where(s => s.Id == room.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.RoomKey, key), ct);
    }
}
