namespace Wuyi.Certification.Certifications;

/// <summary>The benefits in force for a certified area (动态管理 1) and since when they are.</summary>
/// <param name="ControlLevel"><c>lowered</c> (降级管控、优先解封) while certified, else <c>standard</c>.</param>
/// <param name="TestingFrequency"><c>reduced</c> (调整核酸检测频次) while certified, else <c>standard</c>.</param>
/// <param name="StayInsideRegime">人不出区、错峰取物、区内有序流动: certified and in a high-risk zone.</param>
/// <param name="Since">When they last changed.</param>
public sealed record BenefitsView(string ControlLevel, string TestingFrequency, bool StayInsideRegime, DateTimeOffset? Since);
