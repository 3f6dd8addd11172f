using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompleteDayValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "metric_readings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AnnouncedStatus",
                table: "kpis",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestValueDate",
                table: "kpis",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDate",
                table: "kpis",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "kpis",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "kpi_values",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CurrentValueDate",
                table: "key_results",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_kpi_values_KpiId_Date",
                table: "kpi_values",
                columns: new[] { "KpiId", "Date" },
                unique: true);

            // Every status held so far was announced when it was taken.
            migrationBuilder.Sql("UPDATE kpis SET \"AnnouncedStatus\" = \"Status\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_kpi_values_KpiId_Date",
                table: "kpi_values");

            migrationBuilder.DropColumn(
                name: "Date",
                table: "metric_readings");

            migrationBuilder.DropColumn(
                name: "AnnouncedStatus",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "LatestValueDate",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "StatusDate",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "Date",
                table: "kpi_values");

            migrationBuilder.DropColumn(
                name: "CurrentValueDate",
                table: "key_results");
        }
    }
}
