using FastEndpoints;

namespace Forums.Api.Features.Speakers.CreateSpeaker;

public sealed class CreateSpeakerRequest : SpeakerFields
{
    internal sealed class Validator : Validator<CreateSpeakerRequest>
    {
        public Validator() => Include(new SpeakerFieldsValidator());
    }
}
