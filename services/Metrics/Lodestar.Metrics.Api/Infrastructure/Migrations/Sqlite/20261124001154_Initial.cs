using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestar.Metrics.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
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
                name: "metric_values",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    MeasuredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metric_values", x => new { x.ProductId, x.MetricKey });
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
                name: "products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextUserIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    IngestRevision = table.Column<long>(type: "INTEGER", nullable: false),
                    AggregatesStale = table.Column<bool>(type: "INTEGER", nullable: false),
                    MetricsStale = table.Column<bool>(type: "INTEGER", nullable: false),
                    MetricsRevision = table.Column<long>(type: "INTEGER", nullable: false),
                    MetricsComputedDay = table.Column<int>(type: "INTEGER", nullable: false),
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
                name: "release_markers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ShippedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HypothesisIds = table.Column<string>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_release_markers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistinctId = table.Column<string>(type: "TEXT", maxLength: 258, nullable: false),
                    FirstSeenDay = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousFirstSeenDay = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => new { x.ProductId, x.UserIndex });
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HypothesisId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Variants = table.Column<string>(type: "TEXT", nullable: false),
                    ConversionEvent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Guardrails = table.Column<string>(type: "TEXT", nullable: false),
                    BaselineRate = table.Column<double>(type: "REAL", nullable: false),
                    MinimumDetectableEffect = table.Column<double>(type: "REAL", nullable: false),
                    Power = table.Column<double>(type: "REAL", nullable: false),
                    Alpha = table.Column<double>(type: "REAL", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StartTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BestSequentialPValues = table.Column<string>(type: "TEXT", nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    ConclusionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConcludedAutomatically = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConclusionAnalysis = table.Column<string>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_experiments_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funnels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    Window = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funnels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funnels_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_surveys_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exposures",
                columns: table => new
                {
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistinctId = table.Column<string>(type: "TEXT", maxLength: 258, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExposedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exposures", x => new { x.ExperimentId, x.DistinctId });
                    table.ForeignKey(
                        name: "FK_exposures_experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RespondentId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Creator = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_responses_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_events_ProductId_EventKey",
                table: "events",
                columns: new[] { "ProductId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_events_ProductId_EventName_Time",
                table: "events",
                columns: new[] { "ProductId", "EventName", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_experiments_ProductId_Key",
                table: "experiments",
                columns: new[] { "ProductId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_experiments_State",
                table: "experiments",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_experiments_WorkspaceId",
                table: "experiments",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_funnels_ProductId",
                table: "funnels",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_funnels_WorkspaceId",
                table: "funnels",
                column: "WorkspaceId");

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
                name: "IX_products_WorkspaceId",
                table: "products",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_release_markers_ProductId_ShippedAt",
                table: "release_markers",
                columns: new[] { "ProductId", "ShippedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_release_markers_WorkspaceId",
                table: "release_markers",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_SurveyId_RespondedAt",
                table: "survey_responses",
                columns: new[] { "SurveyId", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_SurveyId_ResponseKey",
                table: "survey_responses",
                columns: new[] { "SurveyId", "ResponseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_WorkspaceId",
                table: "survey_responses",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_ProductId",
                table: "surveys",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_WorkspaceId",
                table: "surveys",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_users_ProductId_DistinctId",
                table: "users",
                columns: new[] { "ProductId", "DistinctId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_ProductId_Revision",
                table: "users",
                columns: new[] { "ProductId", "Revision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "exposures");

            migrationBuilder.DropTable(
                name: "funnels");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "metric_values");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "release_markers");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "surveys");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
