using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Discovery.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExperimentResultFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
