using System.Collections.Frozen;
using System.Data.Common;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Forums.Api.Domain;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using At = Forums.Api.Persistence.LeanReads.DelegateRows.At;

namespace Forums.Api.Features.Delegates;

/// <summary>What a delegate needs to take part: free text an organiser acts on.</summary>
/// <param name="Diet">Dietary needs, e.g. "halal"; null for none.</param>
/// <param name="Access">Access needs, e.g. "wheelchair access"; null for none.</param>
/// <param name="Interpretation">Interpretation needs, e.g. "Korean ↔ Kazakh"; null for none.</param>
public sealed record DelegateNeedsResponse(string? Diet, string? Access, string? Interpretation);

/// <summary>A delegate as organisers see it, personal data included. Never shown to anonymous callers.</summary>
public sealed record DelegateResponse : Http.ITaggedResponse
{
    /// <summary>The delegate's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The forum the delegate is registered for.</summary>
    public required Guid ForumId { get; init; }
    /// <summary>The delegation the delegate belongs to; null for none.</summary>
    public required Guid? DelegationId { get; init; }
    /// <summary>The name as written in its own script.</summary>
    public required string Name { get; init; }
    /// <summary>The name in Latin letters; null when not given.</summary>
    public required string? NameLatin { get; init; }
    /// <summary>The delegate's position by language, e.g. {"en": "Akim (governor) of Turkistan region"}; null when not given.</summary>
    public required Dictionary<string, string>? Position { get; init; }
    /// <summary>The delegate's organisation by language; null when not given.</summary>
    public required Dictionary<string, string>? Organisation { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the delegate's country, upper case; null when not given.</summary>
    public required string? Country { get; init; }
    /// <summary>The e-mail address as stored: trimmed, NFC, lower case, its domain in Unicode form; one registration per address and forum. Null when not given.</summary>
    public required string? Email { get; init; }
    /// <summary>The phone number as written, trimmed; null when not given.</summary>
    public required string? Phone { get; init; }
    /// <summary>BCP 47 tags of the languages the delegate speaks; empty when none are given.</summary>
    public required List<string> Languages { get; init; }
    /// <summary>What the delegate needs to take part.</summary>
    public required DelegateNeedsResponse Needs { get; init; }
    /// <summary>Where the registration stands; changed by registering, confirming, cancelling, reinstating and promotion from the waitlist.</summary>
    public required RegistrationStatus Status { get; init; }
    /// <summary>The code on the delegate's badge, scanned at the door.</summary>
    public required string AccreditationCode { get; init; }
    /// <summary>When the delegate was registered (UTC).</summary>
    public required DateTime RegisteredAt { get; init; }
    /// <summary>When the status last changed (UTC).</summary>
    public required DateTime StatusChangedAt { get; init; }
    /// <summary>When the delegate joined the waitlist (UTC; the longest-waiting is promoted first); null unless waitlisted.</summary>
    public required DateTime? WaitlistedAt { get; init; }
    /// <summary>When the delegate was first checked in at the door (UTC); null until then.</summary>
    public required DateTime? CheckedInAt { get; init; }
    /// <summary>When the delegate's details, status or check-in last changed (UTC).</summary>
    public required DateTime UpdatedAt { get; init; }

    [JsonIgnore]
    public long Version { get; init; }

    [JsonIgnore]
    public string SortKey { get; init; } = "";

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    /// <summary>For EF queries: the delegate's row, mapped as the lean path maps it (the mapping runs on the client).</summary>
    public static readonly Expression<Func<ForumDelegate, DelegateResponse>> Projection = d => FromRow(new DelegateRow(
        d.Id, d.ForumId, d.DelegationId, d.Name, d.NameLatin, d.Position, d.Organisation, d.Country, d.Email, d.Phone, d.Languages,
        d.DietNeeds, d.AccessNeeds, d.InterpretationNeeds, d.Status, d.AccreditationCode, d.RegisteredAt, d.StatusChangedAt,
        d.WaitlistedAt, d.CheckedInAt, d.UpdatedAt, d.Version, d.SortKey));

    private static readonly Func<ForumDelegate, DelegateResponse> FromEntityCompiled = Projection.Compile();

    public static DelegateResponse FromEntity(ForumDelegate delegate_) => FromEntityCompiled(delegate_);

    /// <summary>The one mapping of a delegate to its response, from its row (read by EF or by the lean path).</summary>
    internal static DelegateResponse FromRow(DelegateRow d) => new()
    {
        Id = d.Id,
        ForumId = d.ForumId,
        DelegationId = d.DelegationId,
        Name = d.Name,
        NameLatin = d.NameLatin,
        Position = d.Position,
        Organisation = d.Organisation,
        Country = d.Country,
        Email = d.Email,
        Phone = d.Phone,
        Languages = d.Languages,
        Needs = new DelegateNeedsResponse(d.DietNeeds, d.AccessNeeds, d.InterpretationNeeds),
        Status = d.Status,
        AccreditationCode = d.AccreditationCode,
        RegisteredAt = d.RegisteredAt,
        StatusChangedAt = d.StatusChangedAt,
        WaitlistedAt = d.WaitlistedAt,
        CheckedInAt = d.CheckedInAt,
        UpdatedAt = d.UpdatedAt,
        Version = d.Version,
        SortKey = d.SortKey,
    };

    /// <summary>
    /// Writes the delegate's JSON straight from its row (columns at <see cref="At"/>), byte for byte as the serializer
    /// writes <see cref="FromRow"/>'s response (LeanReadTests hold the two equal, row by row and over HTTP). The lean
    /// reads answer with it — GET of one delegate and the list pages without a text search — because there the row →
    /// record → serializer path cost the benchmark's delegate ratio ~5–6 %, past the 5 % issue 13 allows (README,
    /// Performance). Writes and EF's reads (search pages) answer with the record and the serializer.
    /// </summary>
    internal static void WriteRow(Utf8JsonWriter writer, DbDataReader row)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Id, row.Id(At.Id));
        writer.WriteString(Names.ForumId, row.Id(At.ForumId));
        WriteNullable(writer, Names.DelegationId, row, At.DelegationId, static (w, r, at) => w.WriteStringValue(r.Id(at)));
        writer.WriteString(Names.Name, row.Text(At.Name));
        WriteNullableText(writer, Names.NameLatin, row, At.NameLatin);
        WriteNullable(writer, Names.Position, row, At.Position, static (w, r, at) => StoredJson.WriteStringMap(w, r.Text(at)));
        WriteNullable(writer, Names.Organisation, row, At.Organisation, static (w, r, at) => StoredJson.WriteStringMap(w, r.Text(at)));
        WriteNullableText(writer, Names.Country, row, At.Country);
        WriteNullableText(writer, Names.Email, row, At.Email);
        WriteNullableText(writer, Names.Phone, row, At.Phone);
        writer.WritePropertyName(Names.Languages);
        StoredJson.WriteStringList(writer, row.Text(At.Languages));
        writer.WriteStartObject(Names.Needs);
        WriteNullableText(writer, Names.Diet, row, At.DietNeeds);
        WriteNullableText(writer, Names.Access, row, At.AccessNeeds);
        WriteNullableText(writer, Names.Interpretation, row, At.InterpretationNeeds);
        writer.WriteEndObject();
        writer.WriteString(Names.Status, Names.Statuses[row.Name<RegistrationStatus>(At.Status)]);
        writer.WriteString(Names.AccreditationCode, row.Text(At.AccreditationCode));
        writer.WriteString(Names.RegisteredAt, row.Time(At.RegisteredAt));
        writer.WriteString(Names.StatusChangedAt, row.Time(At.StatusChangedAt));
        WriteNullable(writer, Names.WaitlistedAt, row, At.WaitlistedAt, static (w, r, at) => w.WriteStringValue(r.Time(at)));
        WriteNullable(writer, Names.CheckedInAt, row, At.CheckedInAt, static (w, r, at) => w.WriteStringValue(r.Time(at)));
        writer.WriteString(Names.UpdatedAt, row.Time(At.UpdatedAt));
        writer.WriteEndObject();
    }

    private static void WriteNullableText(Utf8JsonWriter writer, JsonEncodedText name, DbDataReader row, int at)
    {
        if (row.IsDBNull(at))
            writer.WriteNull(name);
        else
            writer.WriteString(name, row.Text(at));
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, DbDataReader row, int at,
        Action<Utf8JsonWriter, DbDataReader, int> value)
    {
        writer.WritePropertyName(name);
        if (row.IsDBNull(at))
            writer.WriteNullValue();
        else
            value(writer, row, at);
    }

    /// <summary>The property names as the API's naming policy writes them, and each status as its enum converter writes it.</summary>
    private static class Names
    {
        private static JsonEncodedText Of(string property) => JsonEncodedText.Encode(Http.ApiJson.Options.PropertyNamingPolicy!.ConvertName(property));

        public static readonly JsonEncodedText Id = Of(nameof(DelegateResponse.Id)), ForumId = Of(nameof(DelegateResponse.ForumId)),
            DelegationId = Of(nameof(DelegateResponse.DelegationId)), Name = Of(nameof(DelegateResponse.Name)),
            NameLatin = Of(nameof(DelegateResponse.NameLatin)), Position = Of(nameof(DelegateResponse.Position)),
            Organisation = Of(nameof(DelegateResponse.Organisation)), Country = Of(nameof(DelegateResponse.Country)),
            Email = Of(nameof(DelegateResponse.Email)), Phone = Of(nameof(DelegateResponse.Phone)),
            Languages = Of(nameof(DelegateResponse.Languages)), Needs = Of(nameof(DelegateResponse.Needs)),
            Diet = Of(nameof(DelegateNeedsResponse.Diet)), Access = Of(nameof(DelegateNeedsResponse.Access)),
            Interpretation = Of(nameof(DelegateNeedsResponse.Interpretation)), Status = Of(nameof(DelegateResponse.Status)),
            AccreditationCode = Of(nameof(DelegateResponse.AccreditationCode)), RegisteredAt = Of(nameof(DelegateResponse.RegisteredAt)),
            StatusChangedAt = Of(nameof(DelegateResponse.StatusChangedAt)), WaitlistedAt = Of(nameof(DelegateResponse.WaitlistedAt)),
            CheckedInAt = Of(nameof(DelegateResponse.CheckedInAt)), UpdatedAt = Of(nameof(DelegateResponse.UpdatedAt));

        public static readonly FrozenDictionary<RegistrationStatus, JsonEncodedText> Statuses = Enum.GetValues<RegistrationStatus>()
            .ToFrozenDictionary(s => s, s => JsonEncodedText.Encode(JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(s, Http.ApiJson.Options))!));
    }
}
