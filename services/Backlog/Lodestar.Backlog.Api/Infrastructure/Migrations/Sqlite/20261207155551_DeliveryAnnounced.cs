using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Backlog.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryAnnounced : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeliveryAnnounced",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveryAnnounced",
                table: "products");
        }
    }
}
