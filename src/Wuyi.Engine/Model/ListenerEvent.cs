namespace Wuyi.Engine.Model;

/// <summary>When a listener runs.</summary>
internal enum ListenerEvent
{
    /// <summary>An execution listener's <c>start</c>, or a task listener's <c>create</c>: as the element is entered.</summary>
    Start,

    /// <summary>An execution listener's <c>end</c>, or a task listener's <c>complete</c>: as the element is left.</summary>
    End,

    /// <summary>An execution listener on a sequence flow: as a token takes it.</summary>
    Take,
}
