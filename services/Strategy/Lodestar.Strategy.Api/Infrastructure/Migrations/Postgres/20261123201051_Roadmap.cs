using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Horizon = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Milestones = table.Column<string>(type: "text", nullable: false),
                    GoalIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    BacklogItemIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipped_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sprint_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SprintId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommittedPoints = table.Column<double>(type: "double precision", nullable: false),
                    CompletedPoints = table.Column<double>(type: "double precision", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
