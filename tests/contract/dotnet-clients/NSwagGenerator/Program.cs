// NSwag's C# client generator (NSwag.CodeGeneration.CSharp) as a small program, so that it runs offline from NuGet
// alone: NSwagWalk.csproj runs it before it compiles. Usage: NSwagGenerator <document.json> <output.cs> <namespace>
// The settings are the ones a frontend team would choose for this API; none of them hides anything the document says.
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: NSwagGenerator <document.json> <output.cs> <namespace>");
    return 2;
}

var document = await OpenApiDocument.FromFileAsync(args[0]);
var settings = new CSharpClientGeneratorSettings
{
    ClassName = "ForumApiClient",
    // One client, its methods named after the operationIds (GetForumBySlugAsync, PatchDelegateAsync, ...).
    OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
    GenerateClientInterfaces = false,
    // The caller's HttpClient (base address and Authorization set once); the answers' headers (ETag) are wanted.
    InjectHttpClient = true,
    UseBaseUrl = false,
    WrapResponses = true,
    GenerateExceptionClasses = true,
    ExceptionClass = "ForumApiException",
    CSharpGeneratorSettings =
    {
        Namespace = args[2],
        JsonLibrary = CSharpJsonLibrary.SystemTextJson,
        GenerateNullableReferenceTypes = true,
        GenerateOptionalPropertiesAsNullable = true,
        // format: date is a calendar date (YYYY-MM-DD), which System.Text.Json writes and reads as DateOnly.
        DateType = "System.DateOnly",
    },
};
var code = new CSharpClientGenerator(document, settings).GenerateFile();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
await File.WriteAllTextAsync(args[1], code);
Console.WriteLine($"NSwag {typeof(CSharpClientGenerator).Assembly.GetName().Version}: {args[1]} ({code.Length:N0} characters)");
return 0;
