// The audit log's one vocabulary: every event type and record type that is written, with the
// Chinese label people read. recordAudit (lib/data/audit.ts) only accepts these keys, so a new
// event type cannot be written without a label here. Keys are lowercase and dotted
// (`<family>.<what>`); stored rows use exactly these strings (the migration
// `audit_vocabulary` lowercased the older capitalised record types).
//
// Adding an event: add its key and label below (in its family), then write it with recordAudit.

export const AUDIT_EVENT_LABELS = {
  // Sign-in
  "auth.login": "登录成功",
  "auth.login_failed": "登录失败",
  // Accounts
  "user.create": "创建账号",
  "user.role_change": "更改角色",
  "user.deactivate": "停用账号",
  "user.reactivate": "恢复账号",
  "user.password_reset": "重置密码",
  "user.password_change": "修改密码",
  "user.profile_update": "修改姓名",
  "user.invite_accept": "接受邀请",
  "user.two_factor_enable": "开启两步验证",
  "user.two_factor_reset": "重置两步验证",
  // Stories
  "story.create": "新建报道",
  "story.save": "保存报道",
  "story.restore": "恢复历史版本",
  "story.lock_takeover": "接管编辑锁",
  "story.submit": "提交审核",
  "story.return": "退回修改",
  "story.reject": "不予采用",
  "story.note": "报道留言",
  "story.publish": "发布报道",
  "story.schedule": "定时发布",
  "story.unpublish": "撤下报道",
  "story.correct": "更正报道",
  "story.move": "移动栏目",
  "story.source": "修改来源",
  "story.editor_of_record": "更换责任编辑",
  // Roundups
  "roundup.create": "新建榜单",
  "roundup.import": "导入榜单",
  "roundup.update": "修改榜单",
  "roundup.add_item": "榜单加入条目",
  "roundup.remove_item": "榜单移除条目",
  "roundup.reorder": "调整榜单排名",
  "roundup.publish": "发布榜单",
  "roundup.unpublish": "撤下榜单",
  "roundup.item_withdrawn": "条目撤下（保留名次）",
  "roundup.item_renumbered": "条目移出并重排名次",
  "roundup.scores_shown": "设置是否显示票数与评分",
  // Selections (年度评选)
  "selection.create": "新建评选",
  "selection.update": "修改评选",
  "selection.candidate_add": "加入候选",
  "selection.candidate_remove": "移除候选",
  "selection.juror_add": "添加评委",
  "selection.juror_invite": "邀请外部评委",
  "selection.juror_revoke": "撤销评委",
  "selection.juror_join": "评委接受邀请",
  "selection.jury_score": "评委评分",
  "selection.flagged_exclude": "不计被标记的选票",
  "selection.flagged_include": "恢复计入被标记的选票",
  "selection.generate_roundup": "由评选生成榜单",
  // Media
  "media.upload": "上传图片",
  "media.update": "修改图片信息",
  "media.delete": "删除图片",
  // Site
  "site.settings": "修改编辑部设置",
  "site.front_page": "修改首页安排",
  // Demo content
  "seed.demo": "载入演示内容",
} as const satisfies Record<string, string>;

export type AuditEventType = keyof typeof AUDIT_EVENT_LABELS;

/** The families (the part before the dot), for the type filter's groups. */
export const AUDIT_FAMILY_LABELS = {
  auth: "登录",
  user: "账号",
  story: "报道",
  roundup: "榜单",
  selection: "评选",
  media: "图片",
  site: "站点",
  seed: "演示内容",
} as const satisfies Record<string, string>;

export type AuditFamily = keyof typeof AUDIT_FAMILY_LABELS;

/** What an event is about (AuditEvent.entityType). */
export const AUDIT_RECORD_LABELS = {
  user: "账号",
  story: "报道",
  roundup: "榜单",
  selection: "评选",
  media: "图片",
  site: "站点设置",
} as const satisfies Record<string, string>;

export type AuditRecordType = keyof typeof AUDIT_RECORD_LABELS;

export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_LABELS) as AuditEventType[];
export const AUDIT_FAMILIES = Object.keys(AUDIT_FAMILY_LABELS) as AuditFamily[];
export const AUDIT_RECORD_TYPES = Object.keys(AUDIT_RECORD_LABELS) as AuditRecordType[];

function isKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** The label of a stored event type; a type no longer in the vocabulary shows as itself. */
export function auditEventLabel(type: string): string {
  return isKey(AUDIT_EVENT_LABELS, type) ? AUDIT_EVENT_LABELS[type] : type;
}

export function auditRecordLabel(type: string): string {
  return isKey(AUDIT_RECORD_LABELS, type) ? AUDIT_RECORD_LABELS[type] : type;
}

export function isAuditEventType(value: string): value is AuditEventType {
  return isKey(AUDIT_EVENT_LABELS, value);
}

export function isAuditFamily(value: string): value is AuditFamily {
  return isKey(AUDIT_FAMILY_LABELS, value);
}

/** The event types of one family, in the vocabulary's order. */
export function auditEventTypesOf(family: AuditFamily): AuditEventType[] {
  return AUDIT_EVENT_TYPES.filter((type) => type.startsWith(`${family}.`));
}
