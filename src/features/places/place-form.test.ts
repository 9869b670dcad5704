import { describe, expect, it } from 'vitest';
import { emptyPlaceForm, placeFormOf, readPlaceForm } from './place-form.js';

const valid = { name: 'Vivalla bibliotek', address: 'Vivallaplan 1' };

describe('readPlaceForm', () => {
  it('turns a minimal form into an input with Örebro as the city', () => {
    const { errors, input } = readPlaceForm({ ...valid, city: '' });
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: 'Vivalla bibliotek',
      address: 'Vivallaplan 1',
      postalCode: null,
      city: 'Örebro',
      districtId: null,
      latitude: null,
      longitude: null,
      accessibility: null,
      stepFree: false,
      directions: null,
    });
  });

  it('requires name and address and keeps what was typed', () => {
    const { form, errors, input } = readPlaceForm({ name: '  ', address: '', postalCode: '7021', city: 'Kumla' });
    expect(input).toBeNull();
    expect(errors).toEqual({ name: 'places.errors.nameRequired', address: 'places.errors.addressRequired', postalCode: 'places.errors.postalCodeInvalid' });
    expect(form.postalCode).toBe('7021');
    expect(form.city).toBe('Kumla');
  });

  it('limits lengths', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(readPlaceForm({ ...valid, name: long(200) }).errors).toEqual({});
    expect(readPlaceForm({ ...valid, name: long(201), address: long(201), city: long(101), accessibility: long(1001), directions: long(1001) }).errors).toEqual({
      name: 'places.errors.nameTooLong',
      address: 'places.errors.addressTooLong',
      city: 'places.errors.cityTooLong',
      accessibility: 'places.errors.accessibilityTooLong',
      directions: 'places.errors.directionsTooLong',
    });
  });

  it('accepts Swedish postal codes with or without the space and stores them with it', () => {
    expect(readPlaceForm({ ...valid, postalCode: '70210' }).input?.postalCode).toBe('702 10');
    expect(readPlaceForm({ ...valid, postalCode: '702 10' }).input?.postalCode).toBe('702 10');
    for (const bad of ['702-10', '7021O', '702 100', 'abc']) {
      expect(readPlaceForm({ ...valid, postalCode: bad }).errors.postalCode).toBe('places.errors.postalCodeInvalid');
    }
  });

  it('reads coordinates with a decimal comma or point, both or neither, within range', () => {
    expect(readPlaceForm({ ...valid, latitude: '59,2741', longitude: '15.2066' }).input).toMatchObject({ latitude: 59.2741, longitude: 15.2066 });
    expect(readPlaceForm({ ...valid, latitude: '-90', longitude: '180' }).input).toMatchObject({ latitude: -90, longitude: 180 });
    expect(readPlaceForm({ ...valid, latitude: '90.5', longitude: '15' }).errors).toEqual({ latitude: 'places.errors.latitudeInvalid' });
    expect(readPlaceForm({ ...valid, latitude: '59', longitude: '-180.1' }).errors).toEqual({ longitude: 'places.errors.longitudeInvalid' });
    expect(readPlaceForm({ ...valid, latitude: '59 N', longitude: '1e2' }).errors).toEqual({
      latitude: 'places.errors.latitudeInvalid',
      longitude: 'places.errors.longitudeInvalid',
    });
    expect(readPlaceForm({ ...valid, latitude: '59.27' }).errors).toEqual({ longitude: 'places.errors.coordinatesBoth' });
    expect(readPlaceForm({ ...valid, longitude: '15.2' }).errors).toEqual({ latitude: 'places.errors.coordinatesBoth' });
  });

  it('reads the district id as a positive integer without checking that it exists', () => {
    expect(readPlaceForm({ ...valid, districtId: '3' }).input?.districtId).toBe(3);
    expect(readPlaceForm({ ...valid, districtId: '' }).input?.districtId).toBeNull();
    for (const bad of ['0', '-1', '2.5', 'vivalla']) {
      expect(readPlaceForm({ ...valid, districtId: bad }).errors.districtId).toBe('places.errors.districtInvalid');
    }
  });

  it('reads the step-free checkbox and optional texts', () => {
    const { input } = readPlaceForm({ ...valid, stepFree: 'true', accessibility: ' Ramp vid entrén ', directions: 'Buss 12' });
    expect(input).toMatchObject({ stepFree: true, accessibility: 'Ramp vid entrén', directions: 'Buss 12' });
    expect(readPlaceForm(valid).input?.stepFree).toBe(false);
  });

  it('reads fields under a prefix and ignores the unprefixed ones', () => {
    const body = { name: 'Other', 'newPlace.name': 'Folkets hus', 'newPlace.address': 'Storgatan 1', 'newPlace.stepFree': 'true' };
    for (const prefix of ['newPlace', 'newPlace.']) {
      const { errors, input } = readPlaceForm(body, prefix);
      expect(errors).toEqual({});
      expect(input).toMatchObject({ name: 'Folkets hus', address: 'Storgatan 1', stepFree: true });
    }
    expect(readPlaceForm({ name: 'Other' }, 'newPlace').errors.name).toBe('places.errors.nameRequired');
  });

  it('treats missing, non-string and repeated values safely', () => {
    expect(readPlaceForm({}).form).toEqual({ ...emptyPlaceForm(), city: '' });
    expect(readPlaceForm({ name: 42, address: ['Storgatan 1', 'Other'] }).form).toMatchObject({ name: '', address: 'Storgatan 1' });
  });

  it('round-trips a stored place through placeFormOf', () => {
    const stored = {
      id: 1,
      name: 'Vivalla bibliotek',
      address: 'Vivallaplan 1',
      postalCode: '703 73',
      city: 'Örebro',
      districtId: 4,
      latitude: 59.2741,
      longitude: 15.1637,
      accessibility: null,
      stepFree: true,
      directions: 'Buss 12',
    };
    const form = placeFormOf(stored);
    expect(form).toMatchObject({ districtId: '4', latitude: '59.2741', accessibility: '', stepFree: true });
    const { id: _id, ...input } = stored;
    expect(readPlaceForm({ ...form, stepFree: form.stepFree ? 'true' : '' }).input).toEqual(input);
  });
});
