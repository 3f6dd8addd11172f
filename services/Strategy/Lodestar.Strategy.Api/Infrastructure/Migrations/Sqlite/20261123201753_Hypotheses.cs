using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hypotheses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HypothesisIds",
                table: "goals",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "hypothesis_states",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HypothesisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StatusTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hypothesis_states", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hypothesis_states_WorkspaceId",
                table: "hypothesis_states",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_hypothesis_states_WorkspaceId_HypothesisId",
                table: "hypothesis_states",
                columns: new[] { "WorkspaceId", "HypothesisId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hypothesis_states");

            migrationBuilder.DropColumn(
                name: "HypothesisIds",
                table: "goals");
        }
    }
}
