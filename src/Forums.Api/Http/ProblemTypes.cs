using Forums.Api.Domain;
using Forums.Api.Hosting;

namespace Forums.Api.Http;

/// <summary>
/// One kind of problem a client can tell apart by its <c>type</c> URI (RFC 9457 §3.1.1): the status it is answered
/// with, what its page says (when it happens, what to do) and the extension members it carries. The title stays the
/// status's name.
/// </summary>
/// <param name="Name">The last segment of the type URI and of its page, /problems/{name}: lower-case words joined by hyphens.</param>
/// <param name="Summary">The page's heading: what went wrong, in a few words.</param>
/// <param name="When">When the API answers it.</param>
/// <param name="Action">What the client (or the person behind it) can do about it.</param>
/// <param name="Members">The extension members it carries (see <see cref="ProblemMembers"/>), besides those every problem has.</param>
public sealed record ProblemType(string Name, int Status, string Summary, string When, string Action, params string[] Members)
{
    public string Title => Problems.TitleOf(Status);

    /// <summary>The type as a relative reference, the path of its page; <see cref="ProblemTypeUris"/> makes it absolute when answered.</summary>
    public string Path => $"{ProblemTypes.PagePath}/{Name}";
}

/// <summary>
/// Every problem type this API answers with, in one place: the answers, the pages that describe them (GET /problems/{name}),
/// and the OpenAPI document (x-problem-types on each response) are all made from this list.
/// </summary>
public static class ProblemTypes
{
    /// <summary>Where the pages are served: /problems lists them, /problems/{name} describes one.</summary>
    public const string PagePath = "/problems";

    public static readonly ProblemType Validation = new("validation", 400, "One or more fields are invalid",
        "A field of the body, a query parameter or a header is missing, malformed or breaks one of its rules (a length, a pattern, " +
        "a date outside 2000–2100, a delegation of another forum, a parameter the operation does not take).",
        "Correct each field that errors names (as it is written in the request) and send again; nothing was changed.",
        ProblemMembers.Errors);

    public static readonly ProblemType Unauthorized = new("unauthorized", 401, "No valid token",
        "The operation needs a token and none was sent, or the token sent is unknown, revoked or expired (a public operation refuses only the latter).",
        "Send Authorization: Bearer <token> with a valid token; ask an admin for a new one if it was revoked or has expired.");

    public static readonly ProblemType Forbidden = new("forbidden", 403, "An admin token is needed",
        "An organiser token called an operation that only an admin token may call: creating or deleting forums, managing tokens.",
        "Use an admin token.");

    public static readonly ProblemType NotFound = new("not-found", 404, "Not found",
        "The resource does not exist, or it lies in a forum the token does not cover, or in a draft or archived forum the caller may not see: " +
        "the answer does not say which, so that the existence of what a caller may not see is not revealed.",
        "Check the id and the token; list the collection to find the resource.");

    public static readonly ProblemType RoomClash = new("room-clash", 409, "The room is taken at that time",
        "A session's slot would overlap another session in the same room (rooms are compared by name, ignoring case, spacing and invisible characters).",
        "Choose another room or time, or move the other session (conflictingSessionId, existing) first.",
        ProblemMembers.ConflictingSessionId, ProblemMembers.Existing);

    public static readonly ProblemType SpeakerClash = new("speaker-clash", 409, "The speaker speaks elsewhere at that time",
        "Putting a speaker on a session, or moving a session's slot, would put one of its speakers (speakerId) in two overlapping sessions.",
        "Choose another time, or take the speaker off the other session (conflictingSessionId, existing) first.",
        ProblemMembers.SpeakerId, ProblemMembers.ConflictingSessionId, ProblemMembers.Existing);

    public static readonly ProblemType EmailTaken = new("email-taken", 409, "The e-mail is registered already",
        "Another delegate of this forum has the e-mail (compared as stored: trimmed, NFC-normalised, lower-cased, the domain in its Unicode form).",
        "Open the delegate who has it (existing, existingDelegateId); reinstate that delegate if the registration was cancelled, rather than registering again.",
        ProblemMembers.Existing, ProblemMembers.ExistingDelegateId);

    public static readonly ProblemType SlugTaken = new("slug-taken", 409, "The slug is taken",
        "Another forum already has the slug; a slug names one forum.",
        "Choose another slug.");

    public static readonly ProblemType DelegateAlreadySpeaker = new("delegate-already-speaker", 409, "The delegate is another speaker already",
        "Another speaker of the forum is linked to that delegate; a delegate is at most one speaker of a forum.",
        "Edit the speaker who has the link (existing, existingSpeakerId), or unlink it there first.",
        ProblemMembers.Existing, ProblemMembers.ExistingSpeakerId);

    public static readonly ProblemType NotConfirmed = new("not-confirmed", 409, "The delegate is not confirmed",
        "A badge, its QR code or a check-in was asked for a delegate whose registration is pending or waitlisted: only a confirmed delegate has a badge and is let in.",
        "Confirm the delegate first (POST .../confirm; a waitlisted one needs a free place).",
        ProblemMembers.CurrentStatus, ProblemMembers.AllowedValues);

    public static readonly ProblemType DelegateCancelled = new("delegate-cancelled", 409, "The registration is cancelled",
        "The delegate's registration is cancelled: it has no badge, is not let in, and cannot be confirmed or cancelled again.",
        "Reinstate the delegate (POST .../reinstate) if they come after all.",
        ProblemMembers.CurrentStatus);

    public static readonly ProblemType StatusNotAllowed = new("status-not-allowed", 409, "The status does not allow this",
        "The resource's status does not allow the operation: confirming a delegate who is confirmed, reinstating one who is not cancelled, " +
        "publishing a forum that is published, deleting a published forum.",
        "Read the resource again: the operation is allowed in the statuses allowedValues lists.",
        ProblemMembers.CurrentStatus, ProblemMembers.AllowedValues);

    public static readonly ProblemType ForumArchived = new("forum-archived", 409, "The forum is archived",
        "The forum is archived, so it and everything under it are read-only: its fields, delegations, delegates and their registrations, " +
        "speakers, sessions and their speakers, check-ins and imports. Reads still answer. An archived forum is never published again.",
        "Nothing to retry: start a new edition of the forum for new work. An admin may still delete the archived forum.");

    public static readonly ProblemType ForumFull = new("forum-full", 409, "The forum is full",
        "Confirming a waitlisted delegate needs a free place, and the forum's confirmed and pending delegates fill its capacity (limit).",
        "Raise the forum's capacity, or cancel a registration; the delegate keeps their turn on the waitlist meanwhile.",
        ProblemMembers.Limit);

    public static readonly ProblemType QuotaFull = new("quota-full", 409, "The delegation's quota is full",
        "Confirming a waitlisted delegate, or moving a delegate who holds a place into another delegation, needs a place in the " +
        "delegation's quota (limit), and its delegates hold them all.",
        "Raise the delegation's quota (delegationId), or cancel one of its registrations.",
        ProblemMembers.Limit, ProblemMembers.DelegationId);

    public static readonly ProblemType HeadCannotLeave = new("head-cannot-leave", 409, "The head of a delegation cannot leave it",
        "A change of a delegate who heads a delegation would move them to another delegation, or to none.",
        "Appoint another head, or none, on the delegation (delegationId) first; then move the delegate.",
        ProblemMembers.DelegationId);

    public static readonly ProblemType PlacesHeld = new("places-held", 409, "Fewer places than are held",
        "A forum's capacity or a delegation's quota was set below the places its delegates already hold (placesTaken).",
        "Set it to at least placesTaken, or cancel registrations first.",
        ProblemMembers.PlacesTaken);

    public static readonly ProblemType ProgrammeOutsideDates = new("programme-outside-dates", 409, "Sessions would lie outside the forum's dates",
        "New dates or a new time zone for the forum would leave scheduled sessions (sessionIds) outside its days.",
        "Move those sessions, or clear their slots, then change the dates.",
        ProblemMembers.SessionIds);

    public static readonly ProblemType ProgrammeLimit = new("programme-limit", 409, "The programme is full",
        $"A forum's programme holds at most {Session.MaxPerForum} sessions, and its sessions at most {SessionSpeaker.MaxPerForum:N0} " +
        "speaker places all together (limit says which was reached).",
        "Delete a session, or take a speaker off one, first.",
        ProblemMembers.Limit);

    public static readonly ProblemType DatesRequired = new("dates-required", 409, "The forum has no dates yet",
        "The C3VOC schedule export needs the forum's start and end dates, and one or both are unset.",
        "Set the forum's startDate and endDate (PUT the forum), then ask again.");

    public static readonly ProblemType StillReferenced = new("still-referenced", 409, "Still in use",
        "A delegation that still has delegates (cancelled ones included), or a speaker still on sessions (sessionIds), is not deleted.",
        "Move or remove what refers to it first, then delete it again.",
        ProblemMembers.SessionIds);

    public static readonly ProblemType ChangedConcurrently = new("changed-concurrently", 409, "Changed at the same time",
        "Another request changed the resource, or took the same unique value, while this one was being written; this request sent no If-Match. Nothing was changed.",
        "Read the resource again and retry. Send If-Match with the ETag you read to be answered 412 (stale-version) instead.");

    public static readonly ProblemType TokenRevoked = new("token-revoked", 409, "The token is revoked already",
        "The token was revoked before; a revocation happens once.",
        "Nothing to do: the token no longer works. Create a new token if one is needed.");

    public static readonly ProblemType RuleViolated = new("rule-violated", 409, "A rule of the resource refused the value",
        "An entity's own rule refused a value that the request's checks let through. The validators answer such a value with a 400 first, " +
        "so this points at a gap in them; no operation lists it.",
        "Correct the value the detail names, and report the traceId so that the gap is closed.");

    public static readonly ProblemType IdempotencyRequestInFlight = new("idempotency-request-in-flight", 409, "The first request with this key is still running",
        "A request with the same Idempotency-Key (the same caller, operation and ids) is still being processed.",
        "Wait Retry-After seconds, then send the same request again: it then replays the first answer.");

    public static readonly ProblemType StaleVersion = new("stale-version", 412, "The resource changed since you read it",
        "If-Match does not match the resource's current ETag: it was changed after you read it. Nothing was changed.",
        "Read the resource again (currentETag is its tag now, when known), apply your change to what it holds now, and send it with that ETag.",
        ProblemMembers.CurrentETag);

    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405, "The method is not allowed here",
        "The path exists but does not take this method (the Allow header lists those it takes).",
        "Use one of the methods in Allow; the OpenAPI document lists each path's operations.");

    public static readonly ProblemType TooSlow = new("too-slow", 408, "The body came too slowly",
        "The request's body arrived more slowly than the API accepts: a minimum data rate keeps a client from holding a connection open.",
        "Send the request again, its body at once.");

    public static readonly ProblemType TooLarge = new("too-large", 413, "The body is too large",
        "The body is larger than the operation takes (Limits:MaxRequestBodyBytes, 1 MiB by default; the CSV import takes 32 MiB and a bounded number of rows).",
        "Send less: split a CSV import into several files.");

    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "The body's media type is not taken",
        "The body was sent without a Content-Type, or with one the operation does not take (JSON operations take application/json, the import text/csv).",
        "Send the body with the Content-Type the operation lists.");

    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", 422, "The Idempotency-Key belongs to another request",
        "The Idempotency-Key was sent before, to the same operation, with another body or query.",
        "Use a new key for a new request; reuse a key only to retry the very same request.");

    public static readonly ProblemType NonceReused = new("nonce-reused", 422, "The scan's nonce belongs to another badge",
        "A check-in's nonce names one scan, and it was sent before with another accreditation code.",
        "Make a new nonce for each scan; reuse one only to retry the same scan.");

    public static readonly ProblemType RateLimited = new("rate-limited", 429, "Too many requests",
        "This token or client sent more requests this minute than the API takes, or too many requests with a token that is not valid.",
        "Wait Retry-After seconds, then retry; spread requests out.");

    public static readonly ProblemType UnexpectedError = new("unexpected-error", 500, "An unexpected error",
        "The API failed in a way it did not expect. Nothing was changed.",
        "Retry later; report the traceId if it happens again.");

    public static readonly ProblemType Unavailable = new("unavailable", 503, "Try again shortly",
        "The database is busy, read-only or unreachable, or the request took longer than the time limit (Limits:RequestTimeoutSeconds, 30 s by default). Nothing was changed.",
        "Wait Retry-After seconds, then retry.");

    /// <summary>Every type, in the order of their statuses.</summary>
    public static readonly IReadOnlyList<ProblemType> All =
    [
        Validation, Unauthorized, Forbidden, NotFound,
        RoomClash, SpeakerClash, EmailTaken, SlugTaken, DelegateAlreadySpeaker, NotConfirmed, DelegateCancelled, StatusNotAllowed,
        ForumArchived, ForumFull, QuotaFull, HeadCannotLeave, PlacesHeld, ProgrammeOutsideDates, ProgrammeLimit, DatesRequired, StillReferenced,
        ChangedConcurrently, TokenRevoked, RuleViolated, IdempotencyRequestInFlight,
        StaleVersion, MethodNotAllowed, TooSlow, TooLarge, UnsupportedMediaType, IdempotencyKeyReused, NonceReused, RateLimited, UnexpectedError, Unavailable,
    ];

    private static readonly Dictionary<string, ProblemType> ByName = All.ToDictionary(t => t.Name);

    public static ProblemType? Named(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The type of a status that has only one (400, 401, 403, 404, 412, 413, 415, 429, 500, 503); null for a status of several (409, 422) or none.</summary>
    public static ProblemType? OfStatus(int status) => OnlyOfStatus.GetValueOrDefault(status);

    private static readonly Dictionary<int, ProblemType> OnlyOfStatus =
        All.GroupBy(t => t.Status).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());

    /// <summary>The type a rule of the domain is answered with.</summary>
    public static ProblemType Of(BrokenRule rule) => rule switch
    {
        BrokenRule.StatusNotAllowed => StatusNotAllowed,
        BrokenRule.NotConfirmed => NotConfirmed,
        BrokenRule.DelegateCancelled => DelegateCancelled,
        BrokenRule.ForumArchived => ForumArchived,
        BrokenRule.PlacesHeld => PlacesHeld,
        BrokenRule.TokenRevoked => TokenRevoked,
        _ => RuleViolated,
    };
}

/// <summary>The extension members problems carry, each described once; the OpenAPI schema and the pages read them here.</summary>
public static class ProblemMembers
{
    public const string Errors = "errors";
    public const string Existing = "existing";
    public const string ExistingDelegateId = "existingDelegateId";
    public const string ExistingSpeakerId = "existingSpeakerId";
    public const string ConflictingSessionId = "conflictingSessionId";
    public const string SpeakerId = "speakerId";
    public const string CurrentETag = "currentETag";
    public const string CurrentStatus = "currentStatus";
    public const string AllowedValues = "allowedValues";
    public const string Limit = "limit";
    public const string PlacesTaken = "placesTaken";
    public const string DelegationId = "delegationId";
    public const string SessionIds = "sessionIds";

    public static readonly IReadOnlyDictionary<string, string> Described = new Dictionary<string, string>
    {
        [Errors] = "The failing fields and their messages, each keyed by the field as it is written in the request.",
        [Existing] = "The URL of the resource in the way: the delegate who has the e-mail, the session that holds the room or the speaker, the speaker linked to the delegate.",
        [ExistingDelegateId] = "The id of the delegate who has the e-mail.",
        [ExistingSpeakerId] = "The id of the speaker linked to the delegate, when known.",
        [ConflictingSessionId] = "The id of the overlapping session that holds the room or the speaker.",
        [SpeakerId] = "The speaker who would be in two overlapping sessions.",
        [CurrentETag] = "The resource's ETag now, when known: read the resource again to see what changed.",
        [CurrentStatus] = "The status the delegate or forum is in, e.g. waitlisted.",
        [AllowedValues] = "The statuses in which the operation is allowed.",
        [Limit] = "The limit reached: the forum's capacity, the delegation's quota, or the most sessions or speaker places a programme holds.",
        [PlacesTaken] = "The places the delegates hold now: the lowest capacity or quota allowed.",
        [DelegationId] = "The delegation whose quota is full, or which the delegate heads.",
        [SessionIds] = "The sessions concerned: those that would lie outside the new dates, or those the speaker is still on.",
    };
}

/// <summary>
/// The absolute type URIs: Api:ProblemTypeBaseUrl followed by the type's name. One fixed base, never the request's host, so
/// that every instance, host name and proxy answers the same string a client compares; unset, a fixed default.
/// </summary>
public sealed class ProblemTypeUris
{
    public const string Key = "Api:ProblemTypeBaseUrl";
    public const string DefaultBase = "https://forum-api.example/problems/";

    private static readonly ProblemTypeUris Default = new(DefaultBase);

    private ProblemTypeUris(string @base) => Base = @base;

    public ProblemTypeUris(IConfiguration configuration) : this(Read(configuration))
    {
    }

    /// <summary>The base every type URI starts with, ending in "/".</summary>
    public string Base { get; }

    public string For(ProblemType type) => Base + type.Name;

    /// <summary>A type written as its page's path (/problems/{name}) made absolute; any other type as it is.</summary>
    public string Absolute(string type) =>
        type.StartsWith(ProblemTypes.PagePath + "/", StringComparison.Ordinal) ? Base + type[(ProblemTypes.PagePath.Length + 1)..] : type;

    /// <summary>The request's (the configured ones), or the default outside a request.</summary>
    public static ProblemTypeUris Of(HttpContext? context) => context?.RequestServices?.GetService<ProblemTypeUris>() ?? Default;

    private static string Read(IConfiguration configuration)
    {
        if (Settings.Text(configuration, Key) is not { } text)
            return DefaultBase;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new StartupConfigurationException(
                $"{Key} must be an absolute http or https URL without user, query or fragment, such as https://forum.example.org/problems/.");
        var path = url.GetLeftPart(UriPartial.Path);
        return path.EndsWith('/') ? path : path + "/";
    }
}
