namespace Forums.Api.Domain;

public sealed record SpeakerDetails(
    string Name,
    string? NameLatin,
    IReadOnlyDictionary<string, string>? Position,
    IReadOnlyDictionary<string, string>? Organisation,
    IReadOnlyDictionary<string, string>? Biography,
    string? PhotoUrl,
    Guid? DelegateId);

/// <summary>A person in a forum's programme, with a public profile; optionally the delegate who is that person.</summary>
public sealed class Speaker : IForumChild, ISearchable
{
    /// <summary>Characters of the position, and of the organisation, in all their languages together (the agenda repeats them on each session).</summary>
    public const int MaxPositionLength = 600;
    /// <summary>Characters of the biography in all its languages together.</summary>
    public const int MaxBiographyLength = 10_000;

    private Speaker() { }

    public Guid Id { get; private set; }
    public Guid ForumId { get; private set; }
    public string Name { get; private set; } = "";
    public string? NameLatin { get; private set; }
    public Dictionary<string, string>? Position { get; private set; }
    public Dictionary<string, string>? Organisation { get; private set; }
    public Dictionary<string, string>? Biography { get; private set; }
    public string? PhotoUrl { get; private set; }
    public Guid? DelegateId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long Version { get; private set; }
    public string SearchText { get; private set; } = "";
    public string SortKey { get; private set; } = "";

    public static Speaker Create(Guid id, Guid forumId, SpeakerDetails details, DateTime now)
    {
        var speaker = new Speaker { Id = id, ForumId = forumId, CreatedAt = now };
        speaker.Update(details, now);
        return speaker;
    }

    public void Update(SpeakerDetails details, DateTime now)
    {
        Name = details.Name;
        NameLatin = details.NameLatin;
        Position = LanguageText.Copy(details.Position);
        Organisation = LanguageText.Copy(details.Organisation);
        Biography = LanguageText.Copy(details.Biography);
        PhotoUrl = details.PhotoUrl;
        DelegateId = details.DelegateId;
        UpdatedAt = now;
        SearchText = SearchNormalizer.Join([Name, NameLatin ?? "", .. SearchNormalizer.Texts(Organisation)]);
        SortKey = SortKeys.For(NameLatin ?? Name, Id);
    }
}
