/** The labelled place fields with their errors, for the admin place form and for forms that create a place on the way. */
import { Field, SelectField, TextArea } from '../../web/components.js';
import { usePage } from '../../web/page.js';
import type { District } from './place.js';
import { PLACE_LIMITS, placeFieldName, type PlaceForm } from './place-form.js';

/**
 * The place fields (name, address, postal code, city, district, coordinates, accessibility,
 * directions) filled from `form`, each with its error from `errors` (keyed by PlaceForm field, as
 * readPlaceForm returns them). With `prefix` 'newPlace' the inputs are named `newPlace.name` etc.
 * Renders no <form>: the caller wraps it with its own CSRF field and buttons. Name and address carry
 * the HTML `required` attribute when `required` is true, by default only without a prefix: embedded
 * in another form, creating a place is usually optional and the browser must not insist on it.
 */
export function PlaceFields(props: { form: PlaceForm; errors: Record<string, string>; districts: District[]; prefix?: string; required?: boolean }) {
  const { t } = usePage();
  const prefix = props.prefix ?? '';
  const name = (f: keyof PlaceForm) => placeFieldName(prefix, f);
  const { form, errors } = props;
  const required = props.required ?? prefix === '';
  const stepFreeId = `field-${name('stepFree')}`;
  return (
    <>
      <Field name={name('name')} label={t('places.fields.name')} value={form.name} error={errors.name} required={required} maxLength={PLACE_LIMITS.name} />
      <Field
        name={name('address')}
        label={t('places.fields.address')}
        value={form.address}
        error={errors.address}
        required={required}
        maxLength={PLACE_LIMITS.address}
        autocomplete="street-address"
      />
      <div class="field-grid">
        <Field name={name('postalCode')} label={t('places.fields.postalCode')} value={form.postalCode} error={errors.postalCode} maxLength={6} hint={t('places.fields.postalCodeHint')} autocomplete="postal-code" />
        <Field name={name('city')} label={t('places.fields.city')} value={form.city} error={errors.city} maxLength={PLACE_LIMITS.city} autocomplete="address-level2" />
      </div>
      <SelectField
        name={name('districtId')}
        label={t('places.fields.district')}
        value={form.districtId}
        error={errors.districtId}
        options={[{ value: '', label: t('places.fields.noDistrict') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
      />
      <fieldset class="place-coordinates">
        <legend>{t('places.fields.coordinates')}</legend>
        <p class="hint">{t('places.fields.coordinatesHint')}</p>
        <div class="field-grid">
          <Field name={name('latitude')} label={t('places.fields.latitude')} value={form.latitude} error={errors.latitude} maxLength={20} />
          <Field name={name('longitude')} label={t('places.fields.longitude')} value={form.longitude} error={errors.longitude} maxLength={20} />
        </div>
      </fieldset>
      <div class="checks">
        <label for={stepFreeId}>
          <input id={stepFreeId} type="checkbox" name={name('stepFree')} value="true" checked={form.stepFree} /> {t('places.fields.stepFree')}
        </label>
      </div>
      <TextArea
        name={name('accessibility')}
        label={t('places.fields.accessibility')}
        hint={t('places.fields.accessibilityHint')}
        value={form.accessibility}
        error={errors.accessibility}
        maxLength={PLACE_LIMITS.accessibility}
      />
      <TextArea
        name={name('directions')}
        label={t('places.fields.directions')}
        hint={t('places.fields.directionsHint')}
        value={form.directions}
        error={errors.directions}
        maxLength={PLACE_LIMITS.directions}
      />
    </>
  );
}
