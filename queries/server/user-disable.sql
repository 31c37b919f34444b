update users set disabled = true where id = $id
