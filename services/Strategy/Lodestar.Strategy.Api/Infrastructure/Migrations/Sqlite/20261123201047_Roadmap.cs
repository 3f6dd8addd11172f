using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Roadmap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Horizon = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Milestones = table.Column<string>(type: "TEXT", nullable: false),
                    GoalIds = table.Column<string>(type: "TEXT", nullable: false),
                    BacklogItemIds = table.Column<string>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_initiatives_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipped_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipped_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sprint_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SprintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommittedPoints = table.Column<double>(type: "REAL", nullable: false),
                    CompletedPoints = table.Column<double>(type: "REAL", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sprint_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_ProductId",
                table: "initiatives",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_WorkspaceId",
                table: "initiatives",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_shipped_items_WorkspaceId",
                table: "shipped_items",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_shipped_items_WorkspaceId_ItemId",
                table: "shipped_items",
                columns: new[] { "WorkspaceId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sprint_records_ProductId_CompletedAt",
                table: "sprint_records",
                columns: new[] { "ProductId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sprint_records_WorkspaceId",
                table: "sprint_records",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_sprint_records_WorkspaceId_SprintId",
                table: "sprint_records",
                columns: new[] { "WorkspaceId", "SprintId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "initiatives");

            migrationBuilder.DropTable(
                name: "shipped_items");

            migrationBuilder.DropTable(
                name: "sprint_records");
        }
    }
}
