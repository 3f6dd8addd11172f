using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Strategy.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageFromPublishedMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Points of the old `active_users` key, which nothing published, cannot be placed on a day.
            migrationBuilder.Sql("DELETE FROM activity_points;");

            migrationBuilder.DropIndex(
                name: "IX_activity_points_ProductId_MeasuredAt",
                table: "activity_points");

            migrationBuilder.AddColumn<string>(
                name: "StageMetricKey",
                table: "products",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "activity_points",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "MetricKey",
                table: "activity_points",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_activity_points_ProductId_MetricKey_Date",
                table: "activity_points",
                columns: new[] { "ProductId", "MetricKey", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activity_points_ProductId_MetricKey_Date",
                table: "activity_points");

            migrationBuilder.DropColumn(
                name: "StageMetricKey",
                table: "products");

            migrationBuilder.DropColumn(
                name: "Date",
                table: "activity_points");

            migrationBuilder.DropColumn(
                name: "MetricKey",
                table: "activity_points");

            migrationBuilder.CreateIndex(
                name: "IX_activity_points_ProductId_MeasuredAt",
                table: "activity_points",
                columns: new[] { "ProductId", "MeasuredAt" },
                unique: true);
        }
    }
}
