using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Discovery.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Insight search (InsightSearch): an FTS5 index over the insights table, kept by triggers. A later migration
            // that rebuilds the insights table must recreate these triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE insights_fts USING fts5("Summary", "Quote", "CustomerName", content='insights', content_rowid='rowid', tokenize='porter unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER insights_fts_insert AFTER INSERT ON insights BEGIN
                  INSERT INTO insights_fts(rowid, "Summary", "Quote", "CustomerName") VALUES (new.rowid, new."Summary", new."Quote", new."CustomerName");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER insights_fts_delete AFTER DELETE ON insights BEGIN
                  INSERT INTO insights_fts(insights_fts, rowid, "Summary", "Quote", "CustomerName") VALUES ('delete', old.rowid, old."Summary", old."Quote", old."CustomerName");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER insights_fts_update AFTER UPDATE ON insights BEGIN
                  INSERT INTO insights_fts(insights_fts, rowid, "Summary", "Quote", "CustomerName") VALUES ('delete', old.rowid, old."Summary", old."Quote", old."CustomerName");
                  INSERT INTO insights_fts(rowid, "Summary", "Quote", "CustomerName") VALUES (new.rowid, new."Summary", new."Quote", new."CustomerName");
                END;
                """);
            migrationBuilder.Sql("INSERT INTO insights_fts(insights_fts) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS insights_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS insights_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS insights_fts_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS insights_fts;");
        }
    }
}
