using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Metrics.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MetricCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CatalogRevision",
                table: "products",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CatalogRevision",
                table: "products");
        }
    }
}
