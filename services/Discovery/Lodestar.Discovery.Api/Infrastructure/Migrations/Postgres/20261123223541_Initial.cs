using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Lodestar.Discovery.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Quote = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CustomerAccountId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerSegment = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerRevenueBand = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PersonaId = table.Column<Guid>(type: "uuid", nullable: true),
                    Importance = table.Column<int>(type: "integer", nullable: false),
                    Satisfaction = table.Column<double>(type: "double precision", nullable: true),
                    Sentiment = table.Column<int>(type: "integer", nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    CaptureTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OriginUri = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OriginId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english'::regconfig, \"Summary\" || ' ' || \"Quote\" || ' ' || \"CustomerName\")", stored: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kpi_breaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_breaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TraceState = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    DispatchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "personas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Segment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Goals = table.Column<List<string>>(type: "text[]", nullable: false),
                    PainPoints = table.Column<List<string>>(type: "text[]", nullable: false),
                    Behaviours = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Archived = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hypotheses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PersonaId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MinimumEffect = table.Column<double>(type: "double precision", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: true),
                    BacklogItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false),
                    Result = table.Column<string>(type: "jsonb", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    When = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Want = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SoThat = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PersonaIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    GoalIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SolutionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    InsightCount = table.Column<int>(type: "integer", nullable: false),
                    DistinctCustomers = table.Column<int>(type: "integer", nullable: false),
                    DistinctPersonas = table.Column<int>(type: "integer", nullable: false),
                    WeightedScore = table.Column<double>(type: "double precision", nullable: false),
                    AverageImportance = table.Column<double>(type: "double precision", nullable: false),
                    OpportunityScore = table.Column<double>(type: "double precision", nullable: true),
                    LatestInsightAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EvidenceComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uuid", nullable: false),
                    InsightId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Creator = table.Column<string>(type: "text", nullable: false)
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
                name: "IX_insights_SearchVector",
                table: "insights",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

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


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

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
