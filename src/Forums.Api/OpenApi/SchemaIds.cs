namespace Forums.Api.OpenApi;

/// <summary>
/// Schema names as a generated client shows them: ForumResponse → Forum, Page&lt;ForumResponse&gt; → ForumPage,
/// requests keep their full names. Two types that would share a name stop the document, never silently merge.
/// </summary>
internal sealed class SchemaIds
{
    private readonly Dictionary<string, Type> taken = [];

    public string For(Type type)
    {
        var id = Name(type);
        lock (taken)
        {
            if (taken.TryGetValue(id, out var other) && other != type)
                throw new InvalidOperationException($"Schema id '{id}' is wanted by both {other.FullName} and {type.FullName}.");
            taken[id] = type;
        }
        return id;
    }

    private static string Name(Type type)
    {
        if (type.IsGenericType)
        {
            var generic = type.Name[..type.Name.IndexOf('`')];
            return string.Concat(type.GetGenericArguments().Select(Name)) + generic;
        }
        return type.Name.EndsWith("Response", StringComparison.Ordinal)
            ? type.Name[..^"Response".Length]
            : type.Name;
    }
}
