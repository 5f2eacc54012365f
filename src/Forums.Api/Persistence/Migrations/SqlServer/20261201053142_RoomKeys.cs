using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forums.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RoomKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_ForumId_Room_StartsAt",
                table: "Sessions");

            migrationBuilder.AddColumn<string>(
                name: "RoomKey",
                table: "Sessions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // A first key for the rooms already stored (they were trimmed); SQL cannot fold Unicode as NameKey.Of does,
            // so the start-up brings every key to NameKey.Of's (SessionRoomKeys.RefreshAsync).
            migrationBuilder.Sql("UPDATE [Sessions] SET [RoomKey] = LOWER([Room]) WHERE [Room] IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ForumId_RoomKey_StartsAt",
                table: "Sessions",
                columns: new[] { "ForumId", "RoomKey", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_ForumId_RoomKey_StartsAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RoomKey",
                table: "Sessions");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ForumId_Room_StartsAt",
                table: "Sessions",
                columns: new[] { "ForumId", "Room", "StartsAt" });
        }
    }
}
