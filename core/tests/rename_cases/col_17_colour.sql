-- case: spelling change color → colour
-- expect: column themes.primary_color -> primary_colour
-- before
CREATE TABLE themes (id serial PRIMARY KEY, primary_color char(7) NOT NULL DEFAULT '#000000');
-- after
CREATE TABLE themes (id serial PRIMARY KEY, primary_colour char(7) NOT NULL DEFAULT '#000000');
