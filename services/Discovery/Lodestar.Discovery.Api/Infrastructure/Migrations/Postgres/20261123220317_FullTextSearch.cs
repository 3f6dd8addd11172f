using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Discovery.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Insight search (InsightSearch): the same expression the query uses, so the planner picks this index.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_insights_search" ON insights
                USING GIN (to_tsvector('english'::regconfig, "Summary" || ' ' || "Quote" || ' ' || "CustomerName"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_insights_search\";");
        }
    }
}
