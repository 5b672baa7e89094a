"use client";

import { useState } from "react";
import type { PickerMedia } from "@/lib/media/picker";
import { MediaPickerDialog } from "./media-picker-dialog";

export type LeadValues = { leadMediaId: string; leadAlt: string; leadCaption: string; leadCredit: string };

type Props = {
  values: LeadValues;
  /** The image chosen when the page was loaded, for its thumbnail. */
  initial: PickerMedia | null;
  onChange: (patch: Partial<LeadValues>) => void;
  errors: Record<string, string[]>;
};

function describedBy(errors: Record<string, string[]>, name: string, hint?: string): string | undefined {
  return [errors[name] ? `roundup-${name}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
}

function FieldError({ errors, name }: { errors: Record<string, string[]>; name: string }) {
  return errors[name] ? (
    <span id={`roundup-${name}-error`} className="field-error">
      {errors[name].join(" ")}
    </span>
  ) : null;
}

/**
 * The roundup's lead photo slot: an image from the media library (or a new upload) and, apart
 * from it, its alt text (required with an image), caption and credit. An import fills caption and
 * credit from the document; readers see them only once an image is chosen.
 */
export function RoundupLeadFields({ values, initial, onChange, errors }: Props) {
  const [shown, setShown] = useState<PickerMedia | null>(initial);
  const [open, setOpen] = useState(false);
  const current = values.leadMediaId && shown?.id === values.leadMediaId ? shown : null;
  return (
    <fieldset className="lead-picker">
      <legend>题图</legend>
      <input type="hidden" name="leadMediaId" value={values.leadMediaId} />
      {current ? (
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element -- the 480 px WebP made at upload, served by /media */}
          {current.thumb ? <img src={current.thumb} alt="" /> : null}
          <figcaption>{current.alt}</figcaption>
        </figure>
      ) : (
        <p className="muted">{values.leadMediaId ? "已选题图。" : "（无题图：页面上不显示图片说明）"}</p>
      )}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)} aria-describedby={describedBy(errors, "leadMediaId")}>
          {values.leadMediaId ? "更换题图" : "选择题图"}
        </button>
        {values.leadMediaId ? (
          <button type="button" className="button button-secondary" onClick={() => onChange({ leadMediaId: "" })}>
            移除题图
          </button>
        ) : null}
      </div>
      <FieldError errors={errors} name="leadMediaId" />
      <label>
        替代文字（有题图时必填）
        <input name="leadAlt" value={values.leadAlt} onChange={(e) => onChange({ leadAlt: e.target.value })} aria-invalid={!!errors.leadAlt} aria-describedby={describedBy(errors, "leadAlt", "roundup-leadAlt-hint")} />
        <span id="roundup-leadAlt-hint" className="muted">
          一句话说明图片里有什么，给看不到图片的读者；不要照抄图片说明。
        </span>
        <FieldError errors={errors} name="leadAlt" />
      </label>
      <label>
        图片说明
        <textarea name="leadCaption" rows={2} value={values.leadCaption} onChange={(e) => onChange({ leadCaption: e.target.value })} aria-invalid={!!errors.leadCaption} aria-describedby={describedBy(errors, "leadCaption")} />
        <FieldError errors={errors} name="leadCaption" />
      </label>
      <label>
        图片署名（如：本报记者 XXX 摄）
        <input name="leadCredit" value={values.leadCredit} onChange={(e) => onChange({ leadCredit: e.target.value })} aria-invalid={!!errors.leadCredit} aria-describedby={describedBy(errors, "leadCredit")} />
        <FieldError errors={errors} name="leadCredit" />
      </label>
      {open ? (
        <MediaPickerDialog
          purpose="lead"
          onClose={() => setOpen(false)}
          onPick={(image) => {
            setShown(image);
            // The library's alt text is a good start; the caption and credit from the document stay.
            onChange({ leadMediaId: image.id, ...(values.leadAlt ? {} : { leadAlt: image.alt }) });
          }}
        />
      ) : null}
    </fieldset>
  );
}
