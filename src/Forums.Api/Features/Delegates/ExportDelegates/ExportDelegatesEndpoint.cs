using System.Text;
using CsvHelper;
using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.ExportDelegates;

internal sealed class ExportDelegatesEndpoint(ForumsDbContext db) : Endpoint<ExportDelegatesRequest>
{
    private const int FlushEvery = 500;

    public override void Configure()
    {
        Get("export");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("exportDelegates")
            .WithSummary("The forum's delegates as CSV, in the import's columns, streamed")
            .WithDescription("The same filters as the list. The file re-imports cleanly; cells a spreadsheet would run as a formula start with an apostrophe. " +
                             DelegateCsv.Description)
            .Produces<string>(StatusCodes.Status200OK, DelegateCsv.ContentType)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(ExportDelegatesRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var delegates = DelegateFilters.Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forum!.Id), req.Status, req.DelegationId, req.Country, req.Q);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forum!.Id)
            .Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => LanguagePicker.Pick(d.Name)!, ct);

        // A first pass over two small columns finds the languages that need a column; the rows are then streamed.
        var positionTags = new SortedSet<string>(StringComparer.Ordinal);
        var organisationTags = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var texts in delegates.Select(d => new { d.Position, d.Organisation }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (texts.Position is not null) positionTags.UnionWith(texts.Position.Keys);
            if (texts.Organisation is not null) organisationTags.UnionWith(texts.Organisation.Keys);
        }

        Limits.BeginAnswer(HttpContext);
        HttpContext.Response.StatusCode = StatusCodes.Status200OK;
        HttpContext.Response.ContentType = $"{DelegateCsv.ContentType}; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{forum!.Slug}-delegates.csv\"";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, DelegateCsv.Configuration());

        foreach (var column in DelegateCsv.Columns.Concat(positionTags.Select(t => DelegateCsv.PositionPrefix + t))
                     .Concat(organisationTags.Select(t => DelegateCsv.OrganisationPrefix + t)).Concat(DelegateCsv.ExportOnly))
            csv.WriteField(column);
        await csv.NextRecordAsync();

        var written = 0;
        await foreach (var d in delegates.OrderBy(d => d.SortKey).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(d.Name);
            csv.WriteField(d.NameLatin);
            csv.WriteField(d.Email);
            csv.WriteField(d.Phone);
            csv.WriteField(d.Country);
            csv.WriteField(string.Join(' ', d.Languages));
            csv.WriteField(d.DelegationId is { } id ? delegations.GetValueOrDefault(id) : null);
            csv.WriteField(d.DietNeeds);
            csv.WriteField(d.AccessNeeds);
            csv.WriteField(d.InterpretationNeeds);
            foreach (var tag in positionTags)
                csv.WriteField(d.Position?.GetValueOrDefault(tag));
            foreach (var tag in organisationTags)
                csv.WriteField(d.Organisation?.GetValueOrDefault(tag));
            csv.WriteField(d.Id);
            csv.WriteField(ForumDelegate.Describe(d.Status));
            csv.WriteField(d.AccreditationCode);
            csv.WriteField(d.RegisteredAt.ToString("O"));
            csv.WriteField(d.CheckedInAt?.ToString("O"));
            await csv.NextRecordAsync();
            if (++written % FlushEvery == 0)
                await csv.FlushAsync();
        }
        await csv.FlushAsync();
    }
}
