using Microsoft.AspNetCore.WebUtilities;
using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Delegations;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.ImportDelegates;

internal sealed class ImportDelegatesEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time, ImportTurns turns) : Endpoint<ImportDelegatesRequest, ImportDelegatesResponse>
{
    private const int SaveBatch = 250;
    public const long MaxBodyBytes = 32 * 1024 * 1024;

    public override void Configure()
    {
        Post("import");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Definition.MaxRequestBodySize(MaxBodyBytes);
        Definition.Metadata(new BodyLimit(MaxBodyBytes));
        Description(d => d
            .WithName("importDelegates")
            .WithSummary("Register delegates from a CSV file: all rows or none")
            .WithDescription(DelegateCsv.Description + " Every problem is answered at once, per line and column, and then nothing is written. " +
                             "E-mails repeated in the file or already registered are reported, not merged. Places are given in the file's order " +
                             "as for single registrations: confirmed (or pending) while free, else waitlisted.")
            .Accepts<string>(DelegateCsv.ContentType)
            .Produces<ImportDelegatesResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 413, 415)
            .ProducesProblems(ProblemTypes.ForumArchived), clearDefaults: true);
    }

    public override async Task HandleAsync(ImportDelegatesRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        // The file arrives first, at the client's pace, into a buffer that spills to disk: a slow upload must not hold the
        // instance's import turn while it trickles in.
        HttpContext.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        await HttpContext.Request.Body.DrainAsync(ct);
        HttpContext.Request.Body.Position = 0;

        // One import at a time per instance: it holds a file's rows and the write lock for its transaction anyway.
        await turns.RunAsync(async () =>
        {
            var errors = new ImportErrors();
            var file = await DelegateCsvReader.ReadAsync(HttpContext.Request.Body, errors, ct);
            if (file.TooManyRows)
            {
                await Send.ResultAsync(Problems.Result(StatusCodes.Status413PayloadTooLarge,
                    $"An import takes at most {DelegateCsv.MaxRows:N0} rows; split the file."));
                return;
            }

            // A file with problems is answered with all of them, those against the forum's delegates included.
            if (errors.Any)
                await CheckRegisteredAsync(forum!.Id, file.Emails, errors, ct);

            // One transaction: every row or none. With validateOnly it runs the same steps, then rolls them back.
            var validateOnly = req.ValidateOnly == true;
            var result = errors.Any ? null
                : (await db.InTransactionAsync(async c =>
                {
                    // With validateOnly, or with a row found wrong under the locks, it was a rehearsal: nothing is kept.
                    var imported = await ImportAsync(forum!, file.Rows, file.Emails, errors, validateOnly, c);
                    return imported is null || validateOnly ? Outcome.Rehearsed(imported) : Outcome.Done<ImportDelegatesResponse?>(imported);
                }, ct)).Value;
            if (result is null)
            {
                await Send.ResultAsync(TypedResults.Json(Problems.Validation(HttpContext, errors.ToDictionary(), errors.More),
                    statusCode: StatusCodes.Status400BadRequest, contentType: Problems.ContentType));
                return;
            }
            await Send.OkAsync(result, ct);
        }, ct);
    }

    /// <summary>
    /// The file's e-mails against the forum's delegates, read under the import's locks: a registration that came first
    /// is reported on its line, not met as a unique-index conflict at the write.
    /// </summary>
    private async Task CheckRegisteredAsync(Guid forumId, IReadOnlyDictionary<string, int> emails, ImportErrors errors, CancellationToken ct)
    {
        var registered = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.Email != null)
            .Select(d => new { d.Email, d.Id }).ToDictionaryAsync(d => d.Email!, d => d.Id, ct);
        foreach (var (email, line) in emails.OrderBy(e => e.Value))
            if (registered.TryGetValue(email, out var existing))
                errors.Add(line, DelegateCsv.Email, $"Already registered: {DelegateProblems.Location(forumId, existing)}.");
    }

    /// <summary>
    /// Registers the rows in the file's order through the place ledger, as single registrations are: the same rule and
    /// the same statements, under its locks taken once for the whole file (every delegation of the forum, then the
    /// forum), so places are counted once however many imports and registrations run at the same time.
    /// </summary>
    private async Task<ImportDelegatesResponse?> ImportAsync(ForumScope forum, List<CsvDelegateRow> rows, IReadOnlyDictionary<string, int> emails,
        ImportErrors errors, bool validateOnly, CancellationToken ct)
    {
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forum.Id)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        await places.LockAsync(forum.Id, delegations.Select(d => (Guid?)d.Id), ct);
        // Nothing is written yet: answering here leaves the transaction empty.
        await CheckRegisteredAsync(forum.Id, emails, errors, ct);

        // A name that two delegations answer to (the JSON API allows it) would place the row in either: refused by line.
        var byName = new Dictionary<string, Guid>();
        var ambiguous = new HashSet<string>();
        foreach (var delegation in delegations)
            foreach (var key in delegation.Name.Values.Select(name => NameKey.Of(name) ?? name).Distinct())
                if (!byName.TryAdd(key, delegation.Id) && byName[key] != delegation.Id)
                    ambiguous.Add(key);
        foreach (var row in rows.Where(r => r.DelegationName is { } name && ambiguous.Contains(NameKey.Of(name) ?? name)))
            errors.Add(row.Line, DelegateCsv.Delegation,
                "Several delegations of this forum answer to this name; give them distinct names, then import again.");
        if (errors.Any)
            return null;
        var requiresApproval = await db.Forums.AsNoTracking().Where(f => f.Id == forum.Id).Select(f => f.RequiresApproval).SingleAsync(ct);
        var created = new List<string>();

        var now = time.GetUtcNow().UtcDateTime;
        int confirmed = 0, pending = 0, waitlisted = 0;
        // Thousands of new rows and nothing modified: scanning them for changes would only cost time.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                Guid? delegationId = null;
                if (row.DelegationName is { } delegationName)
                {
                    var key = NameKey.Of(delegationName) ?? delegationName;
                    if (!byName.TryGetValue(key, out var id))
                    {
                        var delegation = Delegation.Create(Guid.CreateVersion7(), forum.Id, CsvDelegation.Named(delegationName).ToDetails(), now);
                        db.Delegations.Add(delegation);
                        // Written at once, so that the ledger counts its places; nobody else knows it before the commit.
                        await db.SaveChangesAsync(ct);
                        byName[key] = id = delegation.Id;
                        created.Add(delegationName);
                    }
                    delegationId = id;
                }

                var outcome = await places.TryTakeAsync(forum.Id, delegationId, ct);
                var registered = ForumDelegate.Register(Guid.CreateVersion7(), forum.Id, Details(row, delegationId), AccreditationCodes.New(),
                    gotPlace: outcome == PlaceOutcome.Taken, requiresApproval, now.AddTicks(i));
                if (registered.Status == RegistrationStatus.Confirmed) confirmed++;
                else if (registered.Status == RegistrationStatus.Pending) pending++;
                else waitlisted++;
                if (validateOnly)
                    continue;
                db.Delegates.Add(registered);
                // Written in batches inside the one transaction, and let go of after each: the memory an import takes does
                // not grow with the file (20,000 tracked entities held until one save took hundreds of MB; batches of 1,000
                // rows of 28 texts each still took a 30 MB file to 459 MB, of 250 to 354 MB, no slower).
                if ((i + 1) % SaveBatch == 0 || i == rows.Count - 1)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new ImportDelegatesResponse(validateOnly, rows.Count, confirmed, pending, waitlisted, created);
    }

    private static DelegateDetails Details(CsvDelegateRow row, Guid? delegationId) => row.ToDetails() with { DelegationId = delegationId };
}
