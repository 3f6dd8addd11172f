using Google.Rpc;
using Lodestar.Api;
using Lodestar.Errors;

namespace BuildingBlocks.UnitTests;

public sealed class ErrorMappingTests
{
    [Fact]
    public void A_validation_error_with_two_fields_is_invalid_argument_with_two_field_violations()
    {
        var status = ErrorMappingInterceptor.ToStatus(new ValidationException(
            [new FieldViolation("item.title", "Required."), new FieldViolation("item.estimate", "Must not be negative.")]));

        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["item.title", "item.estimate"], violations.Select(v => v.Field));
        Assert.Equal("Must not be negative.", violations[1].Description);
        Assert.Equal("ERROR_REASON_VALIDATION_FAILED", status.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public void An_error_stays_small_enough_for_headers_however_many_violations_or_however_long_the_input_it_echoes()
    {
        var violations = Enumerable.Range(0, 10_000).Select(i => new FieldViolation($"insights[{i}]", "Not a resource name: " + new string('x', 100_000))).ToList();
        var status = ErrorMappingInterceptor.ToStatus(new ValidationException(violations));
        var notFound = ErrorMappingInterceptor.ToStatus(new NotFoundException("Product", new string('y', 100_000)));

        var listed = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(50, listed.Count);
        Assert.Equal("insights[0]", listed[0].Field);
        Assert.All(listed, v => Assert.True(v.Description.Length <= 300));
        Assert.True(status.Message.Length <= 1_000);
        Assert.EndsWith("…", status.Message, StringComparison.Ordinal);
        Assert.True(status.CalculateSize() < 32_000, $"{status.CalculateSize()} bytes");
        Assert.True(notFound.CalculateSize() < 2_000, $"{notFound.CalculateSize()} bytes");
    }

    [Fact]
    public void A_validation_message_lists_the_first_violations_and_counts_the_rest()
    {
        var violations = Enumerable.Range(0, 25).Select(i => new FieldViolation($"steps[{i}]", "Required.")).ToList();
        var message = new ValidationException(violations).Message;
        Assert.Contains("steps[9]: Required.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("steps[10]", message, StringComparison.Ordinal);
        Assert.EndsWith("and 15 more", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(NotFoundException), Code.NotFound, "ERROR_REASON_RESOURCE_NOT_FOUND")]
    [InlineData(typeof(AlreadyExistsException), Code.AlreadyExists, "ERROR_REASON_RESOURCE_ALREADY_EXISTS")]
    [InlineData(typeof(EtagMismatchException), Code.Aborted, "ERROR_REASON_ETAG_MISMATCH")]
    [InlineData(typeof(FailedPreconditionException), Code.FailedPrecondition, "ERROR_REASON_FAILED_PRECONDITION")]
    [InlineData(typeof(PermissionDeniedException), Code.PermissionDenied, "ERROR_REASON_ROLE_INSUFFICIENT")]
    public void Each_expected_failure_has_one_status_and_reason(Type type, Code code, string reason)
    {
        Exception exception = type.Name switch
        {
            nameof(NotFoundException) => new NotFoundException("Item", "42"),
            nameof(AlreadyExistsException) => new AlreadyExistsException("Item", "42"),
            nameof(EtagMismatchException) => new EtagMismatchException("Item", "42"),
            nameof(FailedPreconditionException) => new FailedPreconditionException("Cannot ship an idea."),
            _ => new PermissionDeniedException("ERROR_REASON_ROLE_INSUFFICIENT", "Viewers cannot write."),
        };
        var status = ErrorMappingInterceptor.ToStatus(exception);
        Assert.Equal((int)code, status.Code);
        Assert.Equal(reason, status.GetDetail<ErrorInfo>()!.Reason);
        Assert.Equal(exception.Message, status.Message);
    }

    [Fact]
    public void A_not_found_names_the_resource()
    {
        var info = ErrorMappingInterceptor.ToStatus(new NotFoundException("Item", "42")).GetDetail<ResourceInfo>()!;
        Assert.Equal(("Item", "42"), (info.ResourceType, info.ResourceName));
    }

    [Fact]
    public void A_dependency_that_does_not_answer_is_unavailable_and_leaks_no_address()
    {
        var redis = ErrorMappingInterceptor.ToStatus(new StackExchange.Redis.RedisConnectionException(
            StackExchange.Redis.ConnectionFailureType.UnableToConnect, "No connection to 10.0.0.7:6379"));
        var explicitly = ErrorMappingInterceptor.ToStatus(new UnavailableException("The store does not answer."));

        Assert.Equal(((int)Code.Unavailable, (int)Code.Unavailable), (redis.Code, explicitly.Code));
        Assert.DoesNotContain("10.0.0.7", redis.ToString(), StringComparison.Ordinal);
        Assert.Equal("ERROR_REASON_DEPENDENCY_UNAVAILABLE", redis.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public void An_unexpected_exception_is_internal_and_leaks_nothing()
    {
        var status = ErrorMappingInterceptor.ToStatus(new InvalidOperationException("Host=db;Password=secret"));
        Assert.Equal((int)Code.Internal, status.Code);
        Assert.DoesNotContain("secret", status.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", status.ToString(), StringComparison.Ordinal);
        Assert.NotNull(status.GetDetail<RequestInfo>());
    }

    [Fact]
    public void A_cancellation_by_the_caller_is_cancelled_but_otherwise_internal()
    {
        Assert.Equal((int)Code.Cancelled, ErrorMappingInterceptor.ToStatus(new OperationCanceledException(), callCancelled: true).Code);
        Assert.Equal((int)Code.Internal, ErrorMappingInterceptor.ToStatus(new OperationCanceledException(), callCancelled: false).Code);
    }

    [Fact]
    public void A_transient_database_failure_even_wrapped_by_ef_core_is_unavailable_and_any_other_is_internal()
    {
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new FakeDbException(transient: true)));

        Assert.Equal((int)Code.Unavailable, ErrorMappingInterceptor.ToStatus(new FakeDbException(transient: true)).Code);
        Assert.Equal((int)Code.Unavailable, ErrorMappingInterceptor.ToStatus(wrapped).Code);
        Assert.Equal("ERROR_REASON_DEPENDENCY_UNAVAILABLE", ErrorMappingInterceptor.ToStatus(wrapped).GetDetail<ErrorInfo>()!.Reason);
        Assert.Equal((int)Code.Internal, ErrorMappingInterceptor.ToStatus(new FakeDbException(transient: false)).Code);
    }
}
