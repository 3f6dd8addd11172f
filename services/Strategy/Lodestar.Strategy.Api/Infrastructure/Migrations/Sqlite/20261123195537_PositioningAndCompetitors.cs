using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PositioningAndCompetitors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "competitors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", nullable: false),
                    Weaknesses = table.Column<string>(type: "TEXT", nullable: false),
                    Differentiation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_competitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_competitors_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "positionings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Vision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TargetPersona = table.Column<string>(type: "TEXT", nullable: false),
                    Need = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    KeyBenefit = table.Column<string>(type: "TEXT", nullable: false),
                    MainAlternative = table.Column<string>(type: "TEXT", nullable: false),
                    Differentiator = table.Column<string>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_positionings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_positionings_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_competitors_ProductId_DisplayName",
                table: "competitors",
                columns: new[] { "ProductId", "DisplayName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_competitors_WorkspaceId",
                table: "competitors",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_positionings_ProductId",
                table: "positionings",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_positionings_WorkspaceId",
                table: "positionings",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "competitors");

            migrationBuilder.DropTable(
                name: "positionings");
        }
    }
}
