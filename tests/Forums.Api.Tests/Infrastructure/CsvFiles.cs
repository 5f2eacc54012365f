using System.Net.Http.Headers;
using System.Text;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>Import files written the way an organiser's spreadsheet writes them.</summary>
public static class CsvFiles
{
    public const string Header = "name,nameLatin,email,phone,country,languages,delegation,diet,access,interpretation,position.kk,position.en,organisation.en";

    public static string Row(int i, string? delegation = null, string? email = null) =>
        $"Делегат {i},Delegate {i},{email ?? $"delegate{i}@example.kz"},+7 701 000 {i:0000},KZ,kk ru,{delegation},halal,,kk-ko,Әкім орынбасары,Deputy akim,Akimat";

    public static string File(int rows, Func<int, string>? row = null) =>
        string.Join("\r\n", new[] { Header }.Concat(Enumerable.Range(1, rows).Select(row ?? (i => Row(i))))) + "\r\n";

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string forumId, string csv, bool validateOnly = false, bool bom = false)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return client.PostAsync($"/api/forums/{forumId}/delegates/import" + (validateOnly ? "?validateOnly=true" : ""), content);
    }
}
