using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Segment = table.Column<string>(type: "text", nullable: false),
                    Strengths = table.Column<List<string>>(type: "text[]", nullable: false),
                    Weaknesses = table.Column<List<string>>(type: "text[]", nullable: false),
                    Differentiation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TargetPersona = table.Column<string>(type: "text", nullable: false),
                    Need = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    KeyBenefit = table.Column<string>(type: "text", nullable: false),
                    MainAlternative = table.Column<string>(type: "text", nullable: false),
                    Differentiator = table.Column<string>(type: "text", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
