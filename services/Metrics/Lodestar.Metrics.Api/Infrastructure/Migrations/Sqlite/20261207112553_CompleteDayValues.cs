using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Metrics.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompleteDayValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MetricsDirtyFrom",
                table: "products",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Day",
                table: "metric_values",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "metric_day_values",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    MeasuredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metric_day_values", x => new { x.ProductId, x.MetricKey, x.Day });
                });

            // Values computed before the complete-day rule describe a running day: drop them, and let every product's
            // first computation under the rule fill its daily history.
            migrationBuilder.Sql("DELETE FROM metric_values;");
            migrationBuilder.Sql("UPDATE products SET \"MetricsComputedDay\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "metric_day_values");

            migrationBuilder.DropColumn(
                name: "MetricsDirtyFrom",
                table: "products");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "metric_values");
        }
    }
}
