using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Discovery.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    CustomerAccountId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CustomerSegment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerRevenueBand = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PersonaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Importance = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<double>(type: "REAL", nullable: true),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CaptureTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OriginUri = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OriginId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kpi_breaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_breaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TraceState = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "personas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    PainPoints = table.Column<string>(type: "TEXT", nullable: false),
                    Behaviours = table.Column<string>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hypotheses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PersonaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MinimumEffect = table.Column<double>(type: "REAL", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BacklogItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hypotheses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hypotheses_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    When = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Want = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SoThat = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PersonaIds = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalIds = table.Column<string>(type: "TEXT", nullable: false),
                    SolutionIds = table.Column<string>(type: "TEXT", nullable: false),
                    InsightCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DistinctCustomers = table.Column<int>(type: "INTEGER", nullable: false),
                    DistinctPersonas = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightedScore = table.Column<double>(type: "REAL", nullable: false),
                    AverageImportance = table.Column<double>(type: "REAL", nullable: false),
                    OpportunityScore = table.Column<double>(type: "REAL", nullable: true),
                    LatestInsightAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvidenceComputedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_problems_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problem_insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsightId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem_insights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_problem_insights_insights_InsightId",
                        column: x => x.InsightId,
                        principalTable: "insights",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_problem_insights_problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_goals_WorkspaceId",
                table: "goals",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_hypotheses_ExperimentId",
                table: "hypotheses",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_hypotheses_ProblemId",
                table: "hypotheses",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_hypotheses_ProductId",
                table: "hypotheses",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_hypotheses_WorkspaceId",
                table: "hypotheses",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_PersonaId",
                table: "insights",
                column: "PersonaId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_ProductId",
                table: "insights",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_WorkspaceId",
                table: "insights",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_WorkspaceId_CaptureTime",
                table: "insights",
                columns: new[] { "WorkspaceId", "CaptureTime" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_WorkspaceId_CustomerAccountId",
                table: "insights",
                columns: new[] { "WorkspaceId", "CustomerAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_breaches_WorkspaceId",
                table: "kpi_breaches",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_breaches_WorkspaceId_KpiId",
                table: "kpi_breaches",
                columns: new[] { "WorkspaceId", "KpiId" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_DispatchedAt",
                table: "outbox_messages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_EventId",
                table: "outbox_messages",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_personas_WorkspaceId",
                table: "personas",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_personas_WorkspaceId_DisplayName",
                table: "personas",
                columns: new[] { "WorkspaceId", "DisplayName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_problem_insights_InsightId",
                table: "problem_insights",
                column: "InsightId");

            migrationBuilder.CreateIndex(
                name: "IX_problem_insights_ProblemId_InsightId",
                table: "problem_insights",
                columns: new[] { "ProblemId", "InsightId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_problem_insights_WorkspaceId",
                table: "problem_insights",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_problems_ProductId_WeightedScore",
                table: "problems",
                columns: new[] { "ProductId", "WeightedScore" });

            migrationBuilder.CreateIndex(
                name: "IX_problems_WorkspaceId",
                table: "problems",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_products_WorkspaceId",
                table: "products",
                column: "WorkspaceId");

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

            migrationBuilder.DropTable(
                name: "goals");

            migrationBuilder.DropTable(
                name: "hypotheses");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "kpi_breaches");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "personas");

            migrationBuilder.DropTable(
                name: "problem_insights");

            migrationBuilder.DropTable(
                name: "insights");

            migrationBuilder.DropTable(
                name: "problems");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
