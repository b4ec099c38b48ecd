package dk.medborger.lms.ui.common;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets pages read records as properties — {@code #{entry.percent}} for {@code entry.percent()} — as
 * EL 6 (Jakarta EE 11) does, with the accessors looked up once per record class. Also reads public
 * no-argument methods of a record ({@code #{status.completed}}). Without it, EL 5 would have to
 * call accessors as methods, which it resolves by reflection on every call.
 */
public class RecordELResolver extends ELResolver {

  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> accessors = new HashMap<>();
          for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers())
                && m.getDeclaringClass() == type
                && m.getReturnType() != void.class) {
              accessors.put(m.getName(), m);
            }
          }
          for (RecordComponent c : type.getRecordComponents()) {
            accessors.put(c.getName(), c.getAccessor());
          }
          return Map.copyOf(accessors);
        }
      };

  private static Method accessor(Object base, Object property) {
    if (base == null || !base.getClass().isRecord() || !(property instanceof String name)) {
      return null;
    }
    return ACCESSORS.get(base.getClass()).get(name);
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Method accessor = accessor(base, property);
    if (accessor == null) {
      return null;
    }
    try {
      Object value = accessor.invoke(base);
      context.setPropertyResolved(base, property);
      return value;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new jakarta.el.ELException(e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    Method accessor = accessor(base, property);
    if (accessor == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    return null; // read-only
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (accessor(base, property) != null) {
      throw new PropertyNotWritableException("Records are read-only: " + property);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (accessor(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base != null && base.getClass().isRecord() ? String.class : null;
  }
}
