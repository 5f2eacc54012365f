using System.Text.Json;
using Microsoft.Data.Sqlite;

// The benchmark's baseline: the same reads as the API's hottest paths, answered straight from the same SQLite file
// with Microsoft.Data.Sqlite and Utf8JsonWriter. No validation, no auth, no ORM: the limit to compare with.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = new SqliteConnectionStringBuilder { DataSource = builder.Configuration["Database"], Mode = SqliteOpenMode.ReadWrite }.ToString();
var app = builder.Build();

app.MapGet("/forums/{id:guid}", async (Guid id, HttpContext context) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id, Slug, Title, Country, TimeZone, Status, Capacity, Version FROM Forums WHERE Id = $id";
    command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
        return Results.NotFound();
    await WriteAsync(context, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", reader.GetString(0));
        writer.WriteString("slug", reader.GetString(1));
        writer.WritePropertyName("title");
        writer.WriteRawValue(reader.GetString(2));
        writer.WriteString("country", reader.GetString(3));
        writer.WriteString("timeZone", reader.GetString(4));
        writer.WriteString("status", reader.GetString(5));
        if (reader.IsDBNull(6)) writer.WriteNull("capacity"); else writer.WriteNumber("capacity", reader.GetInt32(6));
        writer.WriteEndObject();
    }, $"\"{reader.GetInt64(7)}\"");
    return Results.Empty;
});

app.MapGet("/forums/{forumId:guid}/delegates/{id:guid}", async (Guid forumId, Guid id, HttpContext context) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = $"SELECT {DelegateColumns} FROM Delegates WHERE Id = $id AND ForumId = $forum";
    command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
    command.Parameters.AddWithValue("$forum", forumId.ToString().ToUpperInvariant());
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
        return Results.NotFound();
    await WriteAsync(context, writer => WriteDelegate(writer, reader), $"\"{reader.GetInt64(11)}\"");
    return Results.Empty;
});

app.MapGet("/forums/{forumId:guid}/delegates", async (Guid forumId, string? after, string? status, HttpContext context) =>
{
    await using var connection = await OpenAsync(connectionString);
    await using var command = connection.CreateCommand();
    command.CommandText = $"SELECT {DelegateColumns} FROM Delegates WHERE ForumId = $forum" +
                          (status is null ? "" : " AND Status = $status") +
                          (after is null ? "" : " AND SortKey > $after") + " ORDER BY SortKey LIMIT 21";
    command.Parameters.AddWithValue("$forum", forumId.ToString().ToUpperInvariant());
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
            last = reader.GetString(12);
        }
        writer.WriteEndArray();
        if (count > 20 && last is not null) writer.WriteString("nextCursor", last); else writer.WriteNull("nextCursor");
        writer.WriteEndObject();
    }, null);
});

app.Run();

static async Task<SqliteConnection> OpenAsync(string connectionString)
{
    var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    return connection;
}

static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write, string? etag)
{
    context.Response.ContentType = "application/json; charset=utf-8";
    if (etag is not null)
        context.Response.Headers.ETag = etag;
    await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
    write(writer);
    await writer.FlushAsync();
}

static void WriteDelegate(Utf8JsonWriter writer, SqliteDataReader reader)
{
    writer.WriteStartObject();
    writer.WriteString("id", reader.GetString(0));
    writer.WriteString("forumId", reader.GetString(1));
    if (reader.IsDBNull(2)) writer.WriteNull("delegationId"); else writer.WriteString("delegationId", reader.GetString(2));
    writer.WriteString("name", reader.GetString(3));
    if (reader.IsDBNull(4)) writer.WriteNull("nameLatin"); else writer.WriteString("nameLatin", reader.GetString(4));
    writer.WritePropertyName("position");
    if (reader.IsDBNull(5)) writer.WriteNullValue(); else writer.WriteRawValue(reader.GetString(5));
    if (reader.IsDBNull(6)) writer.WriteNull("email"); else writer.WriteString("email", reader.GetString(6));
    if (reader.IsDBNull(7)) writer.WriteNull("phone"); else writer.WriteString("phone", reader.GetString(7));
    writer.WriteString("status", reader.GetString(8));
    writer.WriteString("accreditationCode", reader.GetString(9));
    writer.WriteString("registeredAt", reader.GetString(10));
    writer.WriteEndObject();
}

public partial class Program
{
    private const string DelegateColumns =
        "Id, ForumId, DelegationId, Name, NameLatin, Position, Email, Phone, Status, AccreditationCode, RegisteredAt, Version, SortKey";
}
