namespace Forums.Api.Domain;

/// <summary>
/// What kind of programme item a session is. It labels the session (the iCalendar export writes it as the event's
/// category, the C3VOC export as its type); no rule depends on it.
/// </summary>
public enum SessionKind
{
    /// <summary>A presentation, e.g. of a region's investment opportunities.</summary>
    Presentation = 0,
    /// <summary>An address or speech, e.g. a welcome address.</summary>
    Address = 1,
    /// <summary>A panel discussion.</summary>
    Panel = 2,
    /// <summary>A plenary session, for all participants.</summary>
    Plenary = 3,
    /// <summary>A ceremony, e.g. an opening or a signing.</summary>
    Ceremony = 4,
    /// <summary>A break in the programme, e.g. for coffee or lunch.</summary>
    Break = 5,
    /// <summary>A workshop.</summary>
    Workshop = 6,
    /// <summary>Anything else.</summary>
    Other = 7,
}

/// <summary>What a speaker does on a session. It labels the speaker in the session and the agenda; no rule depends on it.</summary>
public enum SpeakerRole
{
    /// <summary>Speaks; a speaker put on a session without a role has this one.</summary>
    Speaker = 0,
    /// <summary>Moderates the session.</summary>
    Moderator = 1,
    /// <summary>Gives the keynote.</summary>
    Keynote = 2,
    /// <summary>Sits on the panel.</summary>
    Panelist = 3,
}

/// <summary>A time slot in UTC: both ends or neither; the end after the start.</summary>
public readonly record struct TimeSlot(DateTime StartsAt, DateTime EndsAt)
{
    /// <summary>Two slots overlap when each starts before the other ends; slots that only touch do not.</summary>
    public bool Overlaps(TimeSlot other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}

public sealed record SessionDetails(
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string>? Description,
    SessionKind Kind,
    int Order,
    TimeSlot? Slot,
    string? Room,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> InterpretationLanguages,
    int? Capacity);

/// <summary>An item of a forum's programme: an order always, a time slot and a room once they are fixed.</summary>
public sealed class Session : IForumChild
{
    public const int MaxOrder = 100_000;
    /// <summary>The programme's documents (agenda, iCalendar, schedule JSON) are built whole: these caps bound them.</summary>
    public const int MaxPerForum = 500;
    /// <summary>Characters of the title in all its languages together.</summary>
    public const int MaxTitleLength = 1_000;
    /// <summary>Characters of the description in all its languages together.</summary>
    public const int MaxDescriptionLength = 5_000;

    private Session() { }

    public Guid Id { get; private set; }
    public Guid ForumId { get; private set; }
    public Dictionary<string, string> Title { get; private set; } = [];
    public Dictionary<string, string>? Description { get; private set; }
    public SessionKind Kind { get; private set; }
    public int Order { get; private set; }
    public DateTime? StartsAt { get; private set; }
    public DateTime? EndsAt { get; private set; }
    /// <summary>The room as written, tidied (<see cref="NameKey.Tidy"/>).</summary>
    public string? Room { get; private set; }
    /// <summary>What two spellings of the room share (<see cref="NameKey.Of"/>): the room's clashes and filter compare it.</summary>
    public string? RoomKey { get; private set; }
    public List<string> Languages { get; private set; } = [];
    public List<string> InterpretationLanguages { get; private set; } = [];
    public int? Capacity { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long Version { get; private set; }
    /// <summary>Programme order, then id: a unique key for keyset paging (<see cref="SortKeys.ForOrder"/>).</summary>
    public string SortKey { get; private set; } = "";

    public TimeSlot? Slot => StartsAt is { } start && EndsAt is { } end ? new TimeSlot(start, end) : null;

    public static Session Create(Guid id, Guid forumId, SessionDetails details, DateTime now)
    {
        var session = new Session { Id = id, ForumId = forumId, CreatedAt = now };
        session.Update(details, now);
        return session;
    }

    public void Update(SessionDetails details, DateTime now)
    {
        if (details.Slot is { } slot)
        {
            if (!DateWindow.ContainsInstant(slot.StartsAt) || !DateWindow.ContainsInstant(slot.EndsAt))
                throw new RuleViolationException($"A session's slot lies {DateWindow.Rule}.");
            if (slot.EndsAt <= slot.StartsAt)
                throw new RuleViolationException("A session ends after it starts.");
        }
        Title = LanguageText.Copy(details.Title)!;
        Description = LanguageText.Copy(details.Description);
        Kind = details.Kind;
        Order = details.Order;
        StartsAt = details.Slot?.StartsAt;
        EndsAt = details.Slot?.EndsAt;
        Room = NameKey.Tidy(details.Room);
        RoomKey = NameKey.Of(Room);
        Languages = [.. details.Languages];
        InterpretationLanguages = [.. details.InterpretationLanguages];
        Capacity = details.Capacity;
        UpdatedAt = now;
        SortKey = SortKeys.ForOrder(Order, Id);
    }

    /// <summary>Marks the session changed when its speakers change, so that its ETag moves.</summary>
    public void Touch(DateTime now) => UpdatedAt = now;
}

/// <summary>A speaker on a session, with a role and a place in the session's order of speakers.</summary>
public sealed class SessionSpeaker
{
    /// <summary>Speakers on sessions, counted over all the sessions of a forum (each one repeats the speaker's profile in the agenda).</summary>
    public const int MaxPerForum = 1_000;
    /// <summary>The last place in a session's order of speakers (1 speaks first).</summary>
    public const int MaxOrder = 1_000;

    private SessionSpeaker() { }

    public Guid SessionId { get; private set; }
    public Guid SpeakerId { get; private set; }
    public SpeakerRole Role { get; private set; }
    public int Order { get; private set; }

    public static SessionSpeaker Assign(Guid sessionId, Guid speakerId, SpeakerRole role, int order) =>
        new() { SessionId = sessionId, SpeakerId = speakerId, Role = role, Order = order };

    public void Change(SpeakerRole role, int order)
    {
        Role = role;
        Order = order;
    }
}
