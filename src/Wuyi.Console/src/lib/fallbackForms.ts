// Forms used while the server cannot give a task's form (GET /api/tasks/{id}/form answers 404 before the forms
// branch lands): the seven criteria with comments, as workflows/README.md's review variables expect.
export const criteriaKeys = ['organisation', 'zeroCases', 'measures', 'environment', 'healthServices', 'personalResponsibility', 'publicity']

export const criteriaLabels: Record<string, string> = {
  organisation: '疫情防控组织机构健全',
  zeroCases: '疫情病例保持清零状态',
  measures: '常态化防控措施落实到位',
  environment: '环境卫生整治到位',
  healthServices: '基层医疗卫生服务能力达标',
  personalResponsibility: '个人防护责任落实',
  publicity: '健康宣传教育到位',
}

export function fallbackSchema(formKey: string | null): Record<string, unknown> {
  const criteria = criteriaKeys.map(key => ({
    type: 'radio', id: `Field_criteria_${key}`, key, label: criteriaLabels[key],
    values: [{ label: '符合', value: true }, { label: '不符合', value: false }], validate: { required: true },
  }))
  const isSpotCheck = (formKey ?? '').startsWith('spot-check')
  return {
    type: 'default', id: `fallback-${formKey ?? 'task'}`,
    components: [
      { type: 'text', id: 'Text_title', text: isSpotCheck ? '## 明查暗访' : '## 审核：创建标准（七项）' },
      { type: 'group', id: 'Group_criteria', label: '创建标准', path: 'criteria', showOutline: true, components: criteria },
      ...(isSpotCheck ? [{ type: 'checkbox', id: 'Field_passed', key: 'passed', label: '检查通过' }] : []),
      { type: 'textarea', id: 'Field_comments', key: isSpotCheck ? 'findings' : 'comments', label: isSpotCheck ? '检查发现' : '审核意见' },
    ],
  }
}

/** Review tasks are decided by approve / return / reject; other tasks are completed as they are. */
export function isReview(formKey: string | null, elementId: string): boolean {
  return /review|assessment|filing/i.test(formKey ?? elementId)
}
