using Wuyi.People.Mail;

namespace Wuyi.People.Tests;

public sealed class MailKindsTests
{
    [Fact]
    public void All_ListsEveryKindOnce_NoDuplicates()
    {
        Assert.Equal(6, MailKinds.All.Count);
        Assert.Equal(MailKinds.All.Count, MailKinds.All.Distinct().Count());
    }
}
