namespace Forums.Api.OpenApi;

/// <summary>
/// Schema names as a generated client shows them: ForumResponse → Forum, Page&lt;ForumResponse&gt; → ForumPage,
/// requests keep their full names, and a name that collides with a mainstream language's own type is made longer
/// (DelegateResponse → ForumDelegate). Two types that would share a name stop the document, never silently merge.
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

    // Names a generated client cannot take as they are: "Delegate" is System.Delegate in C# (and a keyword of it).
    private static readonly Dictionary<string, string> Taken = new() { ["Delegate"] = "ForumDelegate" };

    private static string Name(Type type)
    {
        if (type.IsGenericType)
        {
            var generic = type.Name[..type.Name.IndexOf('`')];
            return string.Concat(type.GetGenericArguments().Select(Name)) + generic;
        }
        var name = type.Name.EndsWith("Response", StringComparison.Ordinal)
            ? type.Name[..^"Response".Length]
            : type.Name;
        return Taken.GetValueOrDefault(name, name);
    }
}
