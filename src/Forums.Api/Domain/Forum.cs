using System.Linq.Expressions;

namespace Forums.Api.Domain;

public sealed class Forum : IVersioned, ISearchable
{
    /// <summary>A forum lasts days, not centuries: its dates span at most this many days, both ends included.</summary>
    public const int MaxDays = 31;

    /// <summary>
    /// The days a programme may use: the forum's dates, where one that is not fixed yet lies at most
    /// <see cref="MaxDays"/> days from the other (a forum with a start date only does not take sessions years later).
    /// </summary>
    public static (DateOnly? First, DateOnly? Last) Span(DateOnly? start, DateOnly? end) =>
        (start ?? end?.AddDays(1 - MaxDays), end ?? start?.AddDays(MaxDays - 1));

    private Forum() { }

    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    public Dictionary<string, string> Title { get; private set; } = [];
    public Dictionary<string, string>? Theme { get; private set; }
    public Dictionary<string, string>? Description { get; private set; }
    public Dictionary<string, string>? Series { get; private set; }
    public int? Edition { get; private set; }
    public Dictionary<string, string> City { get; private set; } = [];
    public string Country { get; private set; } = "";
    public Dictionary<string, string>? Venue { get; private set; }
    public string TimeZone { get; private set; } = "";
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public int? Capacity { get; private set; }
    /// <summary>When set, a registration waits as pending (holding its place) until an organiser confirms it.</summary>
    public bool RequiresApproval { get; private set; }
    /// <summary>Confirmed and pending delegates: changed only by the place ledger's atomic statements, never through tracking.</summary>
    public int PlacesTaken { get; private set; }
    /// <summary>Raised by every change of the programme, in the change's own transaction: the programme's lock.</summary>
    public long ProgrammeVersion { get; private set; }
    public List<string> Languages { get; private set; } = [];
    public ForumStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Whether everyone may read a forum: once published, and still when archived after that; never a draft.</summary>
    public static bool IsPublic(ForumStatus status, DateTime? publishedAt) =>
        status == ForumStatus.Published || (status == ForumStatus.Archived && publishedAt is not null);

    /// <summary><see cref="IsPublic"/> as a query, or one the caller organises (<paramref name="organised"/>).</summary>
    public static Expression<Func<Forum, bool>> PublicOr(IReadOnlyCollection<Guid> organised) =>
        f => f.Status == ForumStatus.Published || (f.Status == ForumStatus.Archived && f.PublishedAt != null) || organised.Contains(f.Id);
    public long Version { get; private set; }

    /// <summary>Lower-cased text of every searchable field, so that search folds case in every script on every engine.</summary>
    public string SearchText { get; private set; } = "";

    public static Forum Create(Guid id, ForumDetails details, DateTime now)
    {
        var forum = new Forum { Id = id, Status = ForumStatus.Draft, CreatedAt = now };
        forum.Update(details, now);
        return forum;
    }

    public void Update(ForumDetails details, DateTime now)
    {
        if (details.StartDate is { } first && !DateWindow.Contains(first) || details.EndDate is { } last && !DateWindow.Contains(last))
            throw new RuleViolationException($"A forum's dates lie {DateWindow.Rule}.");
        if (details.StartDate is { } start && details.EndDate is { } end)
        {
            if (end < start)
                throw new RuleViolationException("The forum cannot end before it starts.");
            if (Days(start, end) > MaxDays)
                throw new RuleViolationException($"A forum lasts at most {MaxDays} days.");
        }
        if (details.Capacity is { } capacity && capacity < PlacesTaken)
            throw new RuleViolationException(
                $"{PlacesTaken} delegates already hold places; the capacity cannot be lower. Cancel registrations first.", BrokenRule.PlacesHeld)
            {
                PlacesTaken = PlacesTaken,
            };

        Slug = details.Slug;
        Title = LanguageText.Copy(details.Title)!;
        Theme = LanguageText.Copy(details.Theme);
        Description = LanguageText.Copy(details.Description);
        Series = LanguageText.Copy(details.Series);
        Edition = details.Edition;
        City = LanguageText.Copy(details.City)!;
        Country = CountryCode.Canonical(details.Country)!;
        Venue = LanguageText.Copy(details.Venue);
        TimeZone = details.TimeZone;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Capacity = details.Capacity;
        RequiresApproval = details.RequiresApproval;
        Languages = [.. details.Languages];
        UpdatedAt = now;
        SearchText = SearchNormalizer.Join(
            [Slug, .. Title.Values, .. SearchNormalizer.Texts(Theme), .. SearchNormalizer.Texts(Series), .. City.Values, .. SearchNormalizer.Texts(Venue)]);
    }

    // Draft → Published → Archived; an archived forum is not published again (create a new edition instead).
    public void Publish(DateTime now)
    {
        if (Status == ForumStatus.Archived)
            throw Archived("The forum is archived: it is never published again (create a new edition instead).");
        if (Status != ForumStatus.Draft)
            throw NotAllowed($"Only a draft forum can be published; this forum is {Describe(Status)}.", ForumStatus.Draft);
        Status = ForumStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void Archive(DateTime now)
    {
        if (Status == ForumStatus.Archived)
            throw Archived("The forum is already archived.");
        Status = ForumStatus.Archived;
        UpdatedAt = now;
    }

    public void EnsureCanBeDeleted()
    {
        if (Status == ForumStatus.Published)
            throw NotAllowed("A published forum cannot be deleted; archive it instead.", ForumStatus.Draft, ForumStatus.Archived);
    }

    private static string Describe(ForumStatus status) => status.ToString().ToLowerInvariant();

    private static RuleViolationException Archived(string message) =>
        new(message, BrokenRule.ForumArchived) { CurrentStatus = Describe(ForumStatus.Archived) };

    private RuleViolationException NotAllowed(string message, params ForumStatus[] allowed) =>
        new(message, BrokenRule.StatusNotAllowed) { CurrentStatus = Describe(Status), AllowedValues = [.. allowed.Select(Describe)] };

    /// <summary>The number of days from the first to the last, both included.</summary>
    public static int Days(DateOnly first, DateOnly last) => last.DayNumber - first.DayNumber + 1;
}
