using System.Collections.Immutable;
using System.Text.Json;

namespace Wuyi.Runtime.Forms;

/// <summary>
/// One input of a form, as the server checks it: where its value goes (<see cref="Path"/>, a group's <c>path</c>
/// joined with the component's <c>key</c> by dots), its form-js type and its <c>validate</c> rules.
/// </summary>
/// <param name="Path">The variable path, e.g. <c>criteria.organisation</c>.</param>
/// <param name="Type">The form-js component type: textfield, textarea, number, checkbox, radio, select, checklist,
/// taglist, datetime.</param>
/// <param name="Required">validate.required.</param>
/// <param name="Values">The allowed values of a radio, select, checklist or taglist (empty: any).</param>
/// <param name="Pattern">validate.pattern, a regular expression the whole text must match.</param>
/// <param name="MinLength">validate.minLength.</param>
/// <param name="MaxLength">validate.maxLength.</param>
/// <param name="Min">validate.min, for numbers.</param>
/// <param name="Max">validate.max, for numbers.</param>
/// <param name="HiddenWhen">The path of a field whose truthy value hides this one (<c>conditional.hide</c> of the
/// form <c>=field</c>): a hidden field is not checked.</param>
public sealed record FormField(string Path, string Type, bool Required, ImmutableArray<JsonElement> Values, string? Pattern,
    int? MinLength, int? MaxLength, decimal? Min, decimal? Max, string? HiddenWhen);
