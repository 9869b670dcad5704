/** Venues and the city districts they lie in. */

export interface District {
  id: number;
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface Place {
  id: number;
  name: string;
  address: string;
  postalCode: string | null;
  city: string;
  district: { slug: string; name: string } | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
  stepFree: boolean;
  directions: string | null;
}

export interface PlaceInput {
  name: string;
  address: string;
  postalCode: string | null;
  city: string;
  districtId: number | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
  stepFree: boolean;
  directions: string | null;
}

/** An OpenStreetMap link centred on the place (or a search for its address when it has no coordinates). */
export function openStreetMapUrl(place: Pick<Place, 'latitude' | 'longitude' | 'address' | 'city'>): string {
  if (place.latitude !== null && place.longitude !== null) {
    const lat = place.latitude.toFixed(5);
    const lon = place.longitude.toFixed(5);
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place.address}, ${place.city}`)}`;
}
