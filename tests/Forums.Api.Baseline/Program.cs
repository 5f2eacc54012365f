using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Forums.Api.Baseline;
using Microsoft.Data.Sqlite;

// The benchmark's baseline: the API's hottest requests answered straight from the same SQLite file with
// Microsoft.Data.Sqlite and System.Text.Json, writing the same JSON fields. No validation, no auth, no ORM, no
// middleware: the limit to compare with.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = new SqliteConnectionStringBuilder { DataSource = builder.Configuration["Database"], Mode = SqliteOpenMode.ReadWrite }.ToString();
var app = builder.Build();
var writerOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
var readOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web);

app.MapGet("/forums/{id:guid}", async (Guid id, HttpContext context) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = BaselineSql.ForumById;
    command.Parameters.AddWithValue("$id", Key(id));
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
        return Results.NotFound();
    await WriteAsync(context, writer => WriteForum(writer, reader), $"\"{reader.GetInt64(BaselineSql.ForumVersion)}\"");
    return Results.Empty;
});

app.MapGet("/forums/{forumId:guid}/delegates/{id:guid}", async (Guid forumId, Guid id, HttpContext context) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = BaselineSql.DelegateById;
    command.Parameters.AddWithValue("$id", Key(id));
    command.Parameters.AddWithValue("$forum", Key(forumId));
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
        return Results.NotFound();
    await WriteAsync(context, writer => WriteDelegate(writer, reader), $"\"{reader.GetInt64(BaselineSql.DelegateVersion)}\"");
    return Results.Empty;
});

app.MapGet("/forums/{forumId:guid}/delegates", async (Guid forumId, string? after, string? status, HttpContext context) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = BaselineSql.DelegatePage(byStatus: status is not null, after: after is not null);
    command.Parameters.AddWithValue("$forum", Key(forumId));
    if (status is not null) command.Parameters.AddWithValue("$status", status);
    if (after is not null) command.Parameters.AddWithValue("$after", after);
    await using var reader = await command.ExecuteReaderAsync();
    await WriteAsync(context, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        string? last = null;
        var count = 0;
        while (reader.Read() && count++ < 20)
        {
            WriteDelegate(writer, reader);
            last = reader.GetString(BaselineSql.DelegateSortKey);
        }
        writer.WriteEndArray();
        if (count > 20 && last is not null) writer.WriteString("nextCursor", last); else writer.WriteNull("nextCursor");
        writer.WriteEndObject();
    }, null);
});

// The raw insert: the body read with System.Text.Json, one INSERT, the row written back.
app.MapPost("/forums/{forumId:guid}/delegates", async (Guid forumId, HttpContext context) =>
{
    var body = await JsonSerializer.DeserializeAsync<NewDelegate>(context.Request.Body, readOptions);
    if (body?.Name is null)
        return Results.BadRequest();
    var id = Guid.CreateVersion7();
    var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = BaselineSql.InsertDelegate;
    command.Parameters.AddWithValue("$id", Key(id));
    command.Parameters.AddWithValue("$forum", Key(forumId));
    command.Parameters.AddWithValue("$name", body.Name);
    command.Parameters.AddWithValue("$latin", (object?)body.NameLatin ?? DBNull.Value);
    command.Parameters.AddWithValue("$country", (object?)body.Country ?? DBNull.Value);
    command.Parameters.AddWithValue("$email", (object?)body.Email?.ToLowerInvariant() ?? DBNull.Value);
    command.Parameters.AddWithValue("$languages", JsonSerializer.Serialize(body.Languages ?? []));
    command.Parameters.AddWithValue("$code", Convert.ToHexString(Guid.NewGuid().ToByteArray())[..19]);
    command.Parameters.AddWithValue("$now", now);
    command.Parameters.AddWithValue("$search", $"{body.Name} {body.NameLatin} {body.Email}".ToLowerInvariant());
    command.Parameters.AddWithValue("$sort", $"{body.Name.ToLowerInvariant()}\u001f{id:N}");
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    context.Response.StatusCode = StatusCodes.Status201Created;
    await WriteAsync(context, writer => WriteDelegate(writer, reader), $"\"{reader.GetInt64(BaselineSql.DelegateVersion)}\"");
    return Results.Empty;
});

app.Run();

static string Key(Guid id) => id.ToString().ToUpperInvariant();

static async Task<SqliteConnection> OpenAsync(string connectionString)
{
    var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    return connection;
}

async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write, string? etag)
{
    context.Response.ContentType = "application/json; charset=utf-8";
    if (etag is not null)
        context.Response.Headers.ETag = etag;
    await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, writerOptions);
    write(writer);
    await writer.FlushAsync();
}

static void Text(Utf8JsonWriter writer, string name, SqliteDataReader reader, int i)
{
    if (reader.IsDBNull(i)) writer.WriteNull(name); else writer.WriteString(name, reader.GetString(i));
}

static void Json(Utf8JsonWriter writer, string name, SqliteDataReader reader, int i)
{
    writer.WritePropertyName(name);
    if (reader.IsDBNull(i)) writer.WriteNullValue(); else writer.WriteRawValue(reader.GetString(i));
}

static void Time(Utf8JsonWriter writer, string name, SqliteDataReader reader, int i)
{
    if (reader.IsDBNull(i)) writer.WriteNull(name); else writer.WriteString(name, DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc));
}

static void Number(Utf8JsonWriter writer, string name, SqliteDataReader reader, int i)
{
    if (reader.IsDBNull(i)) writer.WriteNull(name); else writer.WriteNumber(name, reader.GetInt32(i));
}

static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

static void WriteForum(Utf8JsonWriter writer, SqliteDataReader reader)
{
    writer.WriteStartObject();
    writer.WriteString("id", reader.GetGuid(0));
    writer.WriteString("slug", reader.GetString(1));
    Json(writer, "title", reader, 2);
    Json(writer, "theme", reader, 3);
    Json(writer, "description", reader, 4);
    Json(writer, "series", reader, 5);
    Number(writer, "edition", reader, 6);
    Json(writer, "city", reader, 7);
    writer.WriteString("country", reader.GetString(8));
    Json(writer, "venue", reader, 9);
    writer.WriteString("timeZone", reader.GetString(10));
    Text(writer, "startDate", reader, 11);
    Text(writer, "endDate", reader, 12);
    Number(writer, "capacity", reader, 13);
    writer.WriteBoolean("requiresApproval", reader.GetBoolean(14));
    Json(writer, "languages", reader, 15);
    writer.WriteString("status", Camel(reader.GetString(16)));
    Time(writer, "createdAt", reader, 17);
    Time(writer, "updatedAt", reader, 18);
    Time(writer, "publishedAt", reader, 19);
    writer.WriteEndObject();
}

static void WriteDelegate(Utf8JsonWriter writer, SqliteDataReader reader)
{
    writer.WriteStartObject();
    writer.WriteString("id", reader.GetGuid(0));
    writer.WriteString("forumId", reader.GetGuid(1));
    if (reader.IsDBNull(2)) writer.WriteNull("delegationId"); else writer.WriteString("delegationId", reader.GetGuid(2));
    writer.WriteString("name", reader.GetString(3));
    Text(writer, "nameLatin", reader, 4);
    Json(writer, "position", reader, 5);
    Json(writer, "organisation", reader, 6);
    Text(writer, "country", reader, 7);
    Text(writer, "email", reader, 8);
    Text(writer, "phone", reader, 9);
    Json(writer, "languages", reader, 10);
    writer.WriteStartObject("needs");
    Text(writer, "diet", reader, 11);
    Text(writer, "access", reader, 12);
    Text(writer, "interpretation", reader, 13);
    writer.WriteEndObject();
    writer.WriteString("status", Camel(reader.GetString(14)));
    writer.WriteString("accreditationCode", reader.GetString(15));
    Time(writer, "registeredAt", reader, 16);
    Time(writer, "statusChangedAt", reader, 17);
    Time(writer, "waitlistedAt", reader, 18);
    Time(writer, "checkedInAt", reader, 19);
    Time(writer, "updatedAt", reader, 20);
    writer.WriteEndObject();
}

internal sealed record NewDelegate(string? Name, string? NameLatin, string? Email, string? Country, List<string>? Languages);
