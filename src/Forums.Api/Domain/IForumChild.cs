namespace Forums.Api.Domain;

/// <summary>A resource that lives under one forum and is changed under If-Match.</summary>
public interface IForumChild : IVersioned
{
    Guid Id { get; }
    Guid ForumId { get; }
}
