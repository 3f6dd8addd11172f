using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Discovery.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProblemOpenedByKpi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenedByKpiDate",
                table: "problems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OpenedByKpiId",
                table: "problems",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OpenedByKpiDate",
                table: "problems");

            migrationBuilder.DropColumn(
                name: "OpenedByKpiId",
                table: "problems");
        }
    }
}
