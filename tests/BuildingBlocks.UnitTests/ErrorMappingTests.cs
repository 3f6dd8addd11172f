using Google.Rpc;
using Lodestar.Errors;
using Lodestar.ServiceDefaults;

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
}
