using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forums.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DelegationsAndDelegates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlacesTaken",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresApproval",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Delegates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForumId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameLatin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Position = table.Column<string>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    Country = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 2, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    DietNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AccessNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InterpretationNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    AccreditationCode = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 19, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WaitlistedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegates_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForumId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 2, nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Quota = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacesTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadDelegateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegations_Delegates_HeadDelegateId",
                        column: x => x.HeadDelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Delegations_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_AccreditationCode",
                table: "Delegates",
                column: "AccreditationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_DelegationId",
                table: "Delegates",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_Country_SortKey",
                table: "Delegates",
                columns: new[] { "ForumId", "Country", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_DelegationId_SortKey",
                table: "Delegates",
                columns: new[] { "ForumId", "DelegationId", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_Email",
                table: "Delegates",
                columns: new[] { "ForumId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_SortKey",
                table: "Delegates",
                columns: new[] { "ForumId", "SortKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_Status_SortKey",
                table: "Delegates",
                columns: new[] { "ForumId", "Status", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegates_ForumId_Status_WaitlistedAt",
                table: "Delegates",
                columns: new[] { "ForumId", "Status", "WaitlistedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ForumId_Country_SortKey",
                table: "Delegations",
                columns: new[] { "ForumId", "Country", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ForumId_Kind_SortKey",
                table: "Delegations",
                columns: new[] { "ForumId", "Kind", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ForumId_SortKey",
                table: "Delegations",
                columns: new[] { "ForumId", "SortKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_HeadDelegateId",
                table: "Delegations",
                column: "HeadDelegateId");

            migrationBuilder.AddForeignKey(
                name: "FK_Delegates_Delegations_DelegationId",
                table: "Delegates",
                column: "DelegationId",
                principalTable: "Delegations",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Delegates_Delegations_DelegationId",
                table: "Delegates");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropTable(
                name: "Delegates");

            migrationBuilder.DropColumn(
                name: "PlacesTaken",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "RequiresApproval",
                table: "Forums");
        }
    }
}
