using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wuyi.Server.Apis;

/// <summary>Documents the <see cref="RequestActor.Header"/> header on every API operation (minimal APIs cannot see
/// a parameter bound by <c>BindAsync</c>). It goes with the header when sign-in replaces it.</summary>
internal static class ActorOpenApi
{
    public static Task AddHeaderAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = RequestActor.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"Who is calling, recorded in the history (default {RequestActor.Anonymous}; replaced by sign-in later).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }
}
