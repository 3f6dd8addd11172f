using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Hypotheses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "HypothesisIds",
                table: "goals",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "hypothesis_states",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HypothesisId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StatusTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
